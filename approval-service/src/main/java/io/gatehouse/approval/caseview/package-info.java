/** The case view: a projection of every case, its gates, sign-offs and what it waits for. */
package io.gatehouse.approval.caseview;
