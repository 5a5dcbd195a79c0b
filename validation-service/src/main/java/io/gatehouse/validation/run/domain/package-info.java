/** The ValidationRun aggregate and its rules. */
package io.gatehouse.validation.run.domain;
