/** REST access to the audit log. */
package io.gatehouse.audit.auditlog.web;
