package io.gatehouse.audit.governance.infra;

import io.gatehouse.audit.governance.domain.LoggedFact;
import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.GatehouseEvent;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reads a leaf (the canonical CloudEvent) back into a typed fact. */
public final class Facts {

  private Facts() {}

  public static LoggedFact fromLeaf(long leaf, byte[] entry) {
    JsonNode event = EventJson.mapper().readTree(entry);
    String type = event.get("type").asString();
    EventCatalog.Entry catalog = EventCatalog.byType(type)
        .orElseThrow(() -> new IllegalStateException("leaf " + leaf + " has unknown type " + type));
    GatehouseEvent payload = EventJson.mapper().treeToValue(event.get("data"), catalog.javaType());
    return new LoggedFact(leaf, Instant.parse(event.get("time").asString()), payload);
  }
}
