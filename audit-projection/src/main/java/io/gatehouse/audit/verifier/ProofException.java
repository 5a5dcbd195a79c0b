package io.gatehouse.audit.verifier;

/** A proof, checkpoint or signature that does not verify; the message says what failed. */
public class ProofException extends Exception {
  public ProofException(String message) {
    super(message);
  }

  public ProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
