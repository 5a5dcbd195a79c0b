/** The history of one model folded from its logged events: plain code, no storage. */
package io.gatehouse.audit.governance.domain;
