/** Commands of approval-service (never shared with other services). */
package io.gatehouse.approval.approvalcase.api;
