/** Loading policy documents. */
package io.gatehouse.approval.policy.infra;
