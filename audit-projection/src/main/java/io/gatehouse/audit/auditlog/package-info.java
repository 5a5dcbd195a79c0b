/** The audit log: an append-only record of every domain event. */
package io.gatehouse.audit.auditlog;
