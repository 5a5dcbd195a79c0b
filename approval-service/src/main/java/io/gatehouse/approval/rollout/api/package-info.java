/** Commands of the rollout feature, and its internal events. */
package io.gatehouse.approval.rollout.api;
