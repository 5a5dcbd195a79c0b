/** Axon on PostgreSQL: JDBC event and token stores with snake_case tables, Spring transactions, metadata, persistent deadlines. */
package io.gatehouse.platform.axon;
