package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.EventCatalog.Entry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One hand-written document per released revision, under {@code samples/<ce-type>.json}. They are
 * the frozen contract: today's records and schemas must still read every one of them, field for
 * field. Never regenerate them; a new revision gets a new sample and an upcaster.
 */
class FrozenSamplesTest {

  private static final JsonMapper JSON = EventJson.mapper();

  static List<Entry> entries() {
    return EventCatalog.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void frozenSampleStillValidatesAndDeserializes(Entry entry) {
    JsonNode sample = Schemas.readResource("/samples/" + entry.type() + ".json");

    assertThat(Schemas.validate(entry, sample)).isEmpty();
    GatehouseEvent event = JSON.treeToValue(sample, entry.javaType());
    // Unknown properties are tolerated on read, so a renamed component would silently read as null:
    // writing the event back must give the sample again, field for field.
    assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(sample);
  }
}
