/** What a policy requires of a tier: gates, sign-offs with quorum, validity. */
package io.gatehouse.approval.policy.domain;
