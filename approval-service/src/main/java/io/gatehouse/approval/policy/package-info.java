/** Versioned approval policies per risk tier. */
package io.gatehouse.approval.policy;
