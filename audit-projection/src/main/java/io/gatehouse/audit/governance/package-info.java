/** What governance boards read, derived from the audit log alone: model state at any instant, views, evidence packs. */
package io.gatehouse.audit.governance;
