/** {@code ./gatehouse-bench}: sign-offs through REST on a local stack of its own, against PostgreSQL's raw commit rate. */
package io.gatehouse.local.bench;
