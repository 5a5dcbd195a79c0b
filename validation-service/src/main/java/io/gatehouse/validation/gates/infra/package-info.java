/** The policy in force: published versions consumed from approval-service, the shipped document before any. */
package io.gatehouse.validation.gates.infra;
