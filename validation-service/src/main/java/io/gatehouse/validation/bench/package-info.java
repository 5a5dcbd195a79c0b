/** The evaluation benchmark behind ./gatehouse-bench-validation (plain Java, run outside Spring). */
package io.gatehouse.validation.bench;
