/** Promotion of approved versions into stages and production rollout phases, roll-back, and drift response. */
package io.gatehouse.approval.rollout;
