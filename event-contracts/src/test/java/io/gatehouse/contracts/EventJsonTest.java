package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.ModelRegistered;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

  private static final JsonMapper JSON = EventJson.mapper();

  @Test
  void writesInstantsAsIso8601StringsAndReadsThemBack() {
    Instant precise = Instant.parse("2025-03-11T09:30:00.123456789Z");
    ModelRegistered event = new ModelRegistered("fraud", "d", "team", java.util.List.of(),
        SampleEvents.modelRegistered().riskProfile(), "LOW", "alice@bank.example", precise);

    JsonNode registeredAt = JSON.valueToTree(event).path("registeredAt");

    assertThat(registeredAt.isString()).as("instant on the wire is a string, not a number").isTrue();
    assertThat(registeredAt.asString()).isEqualTo("2025-03-11T09:30:00.123456789Z");
    assertThat(JSON.readValue(JSON.writeValueAsString(event), ModelRegistered.class).registeredAt()).isEqualTo(precise);
  }

  @Test
  void toleratesPropertiesANewerProducerAdded() {
    ObjectNode doc = (ObjectNode) JSON.valueToTree(SampleEvents.modelRegistered());
    doc.put("addedInRevision2", "ignored by revision 1 readers");

    assertThat(JSON.treeToValue(doc, ModelRegistered.class)).isEqualTo(SampleEvents.modelRegistered());
  }
}
