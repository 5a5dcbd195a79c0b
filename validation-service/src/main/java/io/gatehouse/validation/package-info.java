/**
 * validation-service: computes metrics and fairness from each submitted version's evaluation data,
 * checks the policy's gates, and keeps the canonical reports as evidence.
 */
package io.gatehouse.validation;
