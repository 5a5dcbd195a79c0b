/** audit-projection: every domain event of every service, once, in order, for auditors. */
package io.gatehouse.audit;
