/** The per-model rollout aggregate and the rules of stage and phase order. */
package io.gatehouse.approval.rollout.domain;
