/** Storage of the governance views and their rebuild by replay of the audit log. */
package io.gatehouse.audit.governance.infra;
