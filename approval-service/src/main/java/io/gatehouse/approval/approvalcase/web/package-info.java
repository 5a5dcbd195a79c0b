/** REST endpoints for approval cases: read them, sign them off. */
package io.gatehouse.approval.approvalcase.web;
