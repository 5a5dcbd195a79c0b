/** The approval case of one model version. */
package io.gatehouse.approval.approvalcase;
