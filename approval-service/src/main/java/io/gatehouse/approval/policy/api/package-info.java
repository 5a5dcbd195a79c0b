/** Commands about policies (never shared with other services). */
package io.gatehouse.approval.policy.api;
