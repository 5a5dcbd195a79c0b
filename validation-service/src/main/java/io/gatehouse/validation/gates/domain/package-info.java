/** Policy gates: the gates of a policy version per tier, and their CEL evaluation over a report. */
package io.gatehouse.validation.gates.domain;
