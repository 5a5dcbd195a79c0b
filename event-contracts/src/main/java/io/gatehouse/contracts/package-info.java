/** The published language of Gatehouse: event records, their CloudEvents types and JSON Schemas. */
package io.gatehouse.contracts;
