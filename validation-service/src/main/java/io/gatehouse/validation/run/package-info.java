/** Validation runs: one evaluation of a version's data under the policy in force, and its events and report. */
package io.gatehouse.validation.run;
