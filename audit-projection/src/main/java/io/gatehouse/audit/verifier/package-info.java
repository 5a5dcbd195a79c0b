/**
 * Offline verification of the audit log with nothing but the JDK: RFC 9162 inclusion and
 * consistency proofs, C2SP signed-note checkpoints with an Ed25519 verifier key. No Spring, no
 * database; {@link io.gatehouse.audit.verifier.VerifyCommand} is its command line.
 */
package io.gatehouse.audit.verifier;
