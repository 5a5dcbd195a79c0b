/** The approval standing of a version as approval-service's and validation-service's events tell it. */
package io.gatehouse.registry.grant.domain;
