/** Events published by approval-service on {@code gatehouse.approval.v1}. */
package io.gatehouse.contracts.approval;
