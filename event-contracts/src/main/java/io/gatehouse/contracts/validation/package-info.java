/** Events published by validation-service on {@code gatehouse.validation.v1}. */
package io.gatehouse.contracts.validation;
