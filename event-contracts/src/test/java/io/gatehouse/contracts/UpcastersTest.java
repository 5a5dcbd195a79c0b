package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Events stored at an older revision come out of Axon's upcaster chain at the current one. */
class UpcastersTest {

  private static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder().build();

  @ParameterizedTest
  @ValueSource(classes = {ModelVersionSubmitted.class, ModelCardUpdated.class})
  void aStoredRevision1CardEventIsReadAsRevision2WithEmptyMetricsAndContacts(Class<?> type) {
    EventCatalog.Entry entry = EventCatalog.of(type);
    byte[] stored = Schemas.readResource("/samples/" + entry.type() + ".json").toString().getBytes(StandardCharsets.UTF_8);

    IntermediateEventRepresentation upcast = upcast(type.getName(), "1", stored);

    assertThat(upcast.getType().getRevision()).isEqualTo("2").isEqualTo(entry.revision());
    Object event = deserialize(upcast);
    io.gatehouse.contracts.registry.ModelCard card = event instanceof ModelVersionSubmitted s ? s.modelCard()
        : ((ModelCardUpdated) event).modelCard();
    assertThat(card.declaredMetrics()).isEmpty();
    assertThat(card.contacts()).isEmpty();
    assertThat(card.owners()).isNotEmpty();
    assertThat(upcast.getData(tools.jackson.databind.JsonNode.class).getData().path("modelCard").has("contacts")).isTrue();
  }

  @Test
  void leavesCurrentRevisionsAndOtherEventsAlone() {
    String rev2 = Schemas.readResource("/samples/io.gatehouse.registry.ModelCardUpdated.v1.rev2.json").toString();
    IntermediateEventRepresentation current = upcast(ModelCardUpdated.class.getName(), "2", rev2.getBytes(StandardCharsets.UTF_8));
    assertThat(current.getType().getRevision()).isEqualTo("2");
    assertThat(((ModelCardUpdated) deserialize(current)).modelCard().contacts()).hasSize(1);

    String retired = Schemas.readResource("/samples/io.gatehouse.registry.ModelVersionRetired.v1.json").toString();
    IntermediateEventRepresentation other = upcast(ModelVersionRetired.class.getName(), "1", retired.getBytes(StandardCharsets.UTF_8));
    assertThat(other.getType().getRevision()).isEqualTo("1");
  }

  @SuppressWarnings("unchecked")
  private static Object deserialize(IntermediateEventRepresentation representation) {
    return SERIALIZER.deserialize((org.axonframework.serialization.SerializedObject<Object>) representation.getData());
  }

  private static IntermediateEventRepresentation upcast(String type, String revision, byte[] payload) {
    GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("RegisteredModel", "card-fraud", 3,
        "e-1", "2025-01-22T14:00:00Z", type, revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
    List<IntermediateEventRepresentation> out = Upcasters.chain()
        .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
