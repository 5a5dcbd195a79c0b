/** Appending consumed events to the audit log and reading it back. */
package io.gatehouse.audit.auditlog.infra;
