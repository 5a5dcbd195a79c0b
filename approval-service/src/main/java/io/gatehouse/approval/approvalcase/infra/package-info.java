/** Translators from other services' events to approval commands. */
package io.gatehouse.approval.approvalcase.infra;
