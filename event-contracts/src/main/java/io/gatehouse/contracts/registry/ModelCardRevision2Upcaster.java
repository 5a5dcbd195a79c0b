package io.gatehouse.contracts.registry;

import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored revision 1 of {@link ModelVersionSubmitted} and {@link ModelCardUpdated} to revision 2: the
 * card gains empty {@code declaredMetrics} and {@code contacts}. The record would read the old payload
 * the same way; the upcaster is there so that the stored revision moves on and a later upcaster from
 * revision 2 also applies to events stored as revision 1.
 */
public final class ModelCardRevision2Upcaster extends SingleEventUpcaster {

  private static final Set<String> TYPES = Set.of(ModelVersionSubmitted.class.getName(), ModelCardUpdated.class.getName());

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
    return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
        ObjectNode.class, ModelCardRevision2Upcaster::addEmptyLists);
  }

  private static ObjectNode addEmptyLists(ObjectNode event) {
    JsonNode card = event.path("modelCard");
    if (card instanceof ObjectNode c) {
      if (!c.has("declaredMetrics")) {
        c.putArray("declaredMetrics");
      }
      if (!c.has("contacts")) {
        c.putArray("contacts");
      }
    }
    return event;
  }
}
