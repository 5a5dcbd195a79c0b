/**
 * validation-service: computes metrics and fairness from evaluation data and checks policy gates.
 * So far it consumes its inputs (submissions, policies) once each; the evaluation comes next.
 */
package io.gatehouse.validation;
