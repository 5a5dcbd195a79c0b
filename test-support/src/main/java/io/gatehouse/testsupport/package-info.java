/** Test-scope helpers shared by every module: a fresh PostgreSQL database per test class. */
package io.gatehouse.testsupport;
