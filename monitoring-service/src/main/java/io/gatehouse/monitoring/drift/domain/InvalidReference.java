package io.gatehouse.monitoring.drift.domain;

/** A reference profile or histogram that cannot be used; the message says why. */
public class InvalidReference extends RuntimeException {
  public InvalidReference(String message) {
    super(message);
  }
}
