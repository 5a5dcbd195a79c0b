/** Axon on PostgreSQL: JDBC event and token stores with snake_case tables, Spring transactions, metadata. */
package io.gatehouse.platform.axon;
