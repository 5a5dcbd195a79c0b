/** Command handlers that act on a case and its model's rollout in one unit of work; drift translation. */
package io.gatehouse.approval.rollout.infra;
