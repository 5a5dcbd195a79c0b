package io.gatehouse.audit.governance.domain;

import io.gatehouse.contracts.GatehouseEvent;
import java.time.Instant;

/** A logged event as the views read it: its leaf index, CloudEvent time and typed payload. */
public record LoggedFact(long leaf, Instant time, GatehouseEvent payload) {}
