/** Consumes approval and validation events (once each, via the inbox) into the approval_standing table. */
package io.gatehouse.registry.grant.infra;
