/** REST endpoints for promotion, roll-back and stage state. */
package io.gatehouse.approval.rollout.web;
