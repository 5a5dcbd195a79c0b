/** Small JDBC helpers the services' read models share: building a filtered query's WHERE clause. */
package io.gatehouse.platform.jdbc;
