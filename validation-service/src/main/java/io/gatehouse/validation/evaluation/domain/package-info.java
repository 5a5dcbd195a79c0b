/**
 * Evaluating predictions: streaming, single-pass accumulators for metrics, fairness and the
 * reference profile, the byte-level CSV and JSON Lines readers that feed them, and the canonical
 * report. Plain Java: no Spring, no I/O beyond the streams it is handed.
 */
package io.gatehouse.validation.evaluation.domain;
