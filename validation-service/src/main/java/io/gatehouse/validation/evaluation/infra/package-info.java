/** Fetching evaluation data (file within a root, http(s)) and running an evaluation with the settings of the service. */
package io.gatehouse.validation.evaluation.infra;
