/** REST endpoints for policies: read the one in force or any version, publish a new version. */
package io.gatehouse.approval.policy.web;
