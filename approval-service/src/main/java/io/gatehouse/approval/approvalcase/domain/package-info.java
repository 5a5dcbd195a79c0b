/** The ApprovalCase aggregate and the rules it applies; no Spring, no web, no infrastructure. */
package io.gatehouse.approval.approvalcase.domain;
