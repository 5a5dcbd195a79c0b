package io.gatehouse.registry.card.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.ModelCard;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CardSectionTest {

  @Test
  void wireNamesAreTheCardComponentsAndThePublishedMissingSections() throws Exception {
    List<String> wireNames = Arrays.stream(CardSection.values()).map(CardSection::wireName).toList();
    List<String> components = Arrays.stream(ModelCard.class.getRecordComponents()).map(RecordComponent::getName).toList();
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/io.gatehouse.registry.ModelCardUpdated.v1.json")) {
      schema = EventJson.mapper().readTree(in);
    }
    List<String> published = schema.path("properties").path("missingSections").path("items").path("enum")
        .valueStream().map(JsonNode::asString).toList();

    assertThat(wireNames).containsExactlyElementsOf(published).isSubsetOf(components);
    assertThat(wireNames).allSatisfy(n -> assertThat(CardSection.fromWireName(n)).isPresent());
  }

  @Test
  void eachTextSectionReadsItsOwnComponent() {
    ModelCard card = new ModelCard("a", "b", "c", "d", "e", "f", "g", "h", "i", List.of("j"), List.of(), List.of());
    assertThat(CardSection.textSections()).extracting(s -> s.text(card))
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
    assertThat(CardSection.OWNERS.text(card)).isNull();
  }

  @Test
  void headingsGatehouseWritesReadBackAsTheirSection() {
    for (CardSection s : CardSection.textSections()) {
      assertThat(HuggingFaceCardReader.HEADINGS.get(HuggingFaceCardReader.normalize(s.title())))
          .as(s.title()).isNotNull();
    }
    assertThat(HuggingFaceCardReader.normalize("Bias, Risks, and Limitations [optional]")).isEqualTo("bias risks and limitations");
  }
}
