/** Runs in PostgreSQL, the consumer of registry and approval events, and the workers that execute runs. */
package io.gatehouse.validation.run.infra;
