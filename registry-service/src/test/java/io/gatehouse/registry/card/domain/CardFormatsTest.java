package io.gatehouse.registry.card.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.platform.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardFormatsTest {

  private final CardFormats formats = new CardFormats();

  @Test
  void choosesTheReaderByMediaTypeIgnoringCaseAndParameters() {
    byte[] markdown = "## Intended Use\n\nScores churn.\n".getBytes(StandardCharsets.UTF_8);
    assertThat(formats.parse("Text/Markdown; charset=UTF-8; variant=GFM", markdown).card().intendedUse()).isEqualTo("Scores churn.");
    assertThat(formats.parse("text/x-markdown", markdown).card().intendedUse()).isEqualTo("Scores churn.");
    assertThat(formats.parse(CardFormats.MODEL_CARD_TOOLKIT,
        "{\"considerations\":{\"use_cases\":[{\"description\":\"Churn\"}]}}".getBytes(StandardCharsets.UTF_8))
        .card().intendedUse()).isEqualTo("- Churn");
  }

  @Test
  void refusesACardOverTheLimitBeforeReadingIt() {
    byte[] big = ("## Intended Use\n\n" + "x".repeat(CardFormats.DEFAULT_MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> formats.parse("text/markdown", big))
        .isInstanceOfSatisfying(CardTooLarge.class, e -> {
          assertThat(e.kind()).isEqualTo(RuleViolation.Kind.TOO_LARGE);
          assertThat(e.code()).isEqualTo("card-too-large");
        })
        .hasMessage("The model card is " + big.length + " bytes; the limit is 262144 bytes (256 KiB).");
    assertThat(new CardFormats(64).parse("text/markdown", new byte[64]).card()).isNotNull();
    assertThatThrownBy(() -> new CardFormats(64).parse("text/markdown", new byte[65])).isInstanceOf(CardTooLarge.class);
  }

  @Test
  void refusesUnknownMediaTypesAndCharsets() {
    assertThatThrownBy(() -> formats.parse("application/pdf", new byte[1]))
        .isInstanceOfSatisfying(UnsupportedCardFormat.class,
            e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining("'application/pdf' is none of these");
    assertThatThrownBy(() -> formats.parse(null, new byte[1])).isInstanceOf(UnsupportedCardFormat.class);
    assertThatThrownBy(() -> formats.parse("text/markdown; charset=klingon", new byte[1]))
        .isInstanceOf(UnsupportedCardFormat.class).hasMessage("Charset 'klingon' is not supported; send UTF-8.");
    assertThatThrownBy(() -> formats.render(CardCompletenessTest.complete(), "text/html", null))
        .isInstanceOf(UnsupportedCardFormat.class);
  }

  @Test
  void readsOtherDeclaredCharsetsAndRefusesMalformedText() {
    byte[] latin1 = "## Intended Use\n\nScores Zürich branches.\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(formats.parse("text/markdown; charset=ISO-8859-1", latin1).card().intendedUse())
        .isEqualTo("Scores Zürich branches.");
    assertThatThrownBy(() -> formats.parse("text/markdown", latin1))
        .isInstanceOf(UnreadableCard.class).hasMessage("The model card is not valid UTF-8 text.");
  }

  @Test
  void malformedFrontMatterSaysWhere() {
    assertThatThrownBy(() -> formats.parse("text/markdown", "---\nlicense: mit\ntags: [a, b\n---\n# x\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(UnreadableCard.class, e -> assertThat(e.code()).isEqualTo("card-unreadable"))
        .hasMessageStartingWith("The front matter is not valid YAML (line ");
    assertThatThrownBy(() -> formats.parse("text/markdown", "---\nlicense: mit\nlicense: apache-2.0\n---\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessageContaining("duplicate key license");
    assertThatThrownBy(() -> formats.parse("text/markdown", "---\nlicense: mit\n# never closed\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessage("The front matter opened by '---' on line 1 is never closed by a '---' line.");
    assertThatThrownBy(() -> formats.parse("text/markdown", "---\n- a list\n---\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessage("The front matter must be a YAML mapping of keys to values.");
  }

  @Test
  void aBillionLaughsInTheFrontMatterIsRefused() {
    StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = String.valueOf((char) (c - 1));
      yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*").append(prev)
          .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append(",*").append(prev)
          .append(",*").append(prev).append(",*").append(prev).append("]\n");
    }
    yaml.append("---\n");
    assertThatThrownBy(() -> formats.parse("text/markdown", yaml.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class);
  }

  @Test
  void gatehouseJsonIsStrictAndPointsAToolkitDocumentToItsMediaType() {
    assertThatThrownBy(() -> formats.parse("application/json", "{\"intendedUsage\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessageStartingWith("Unknown field 'intendedUsage'; a card has [intendedUse,");
    assertThatThrownBy(() -> formats.parse("application/json", "{\"owners\": \"alice\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessage("Field 'owners' is missing a value of the right type, or has one of the wrong type.");
    assertThatThrownBy(() -> formats.parse("application/json", "{\"contacts\": [{\"name\": \" \"}]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessage("contacts[0] needs a name, an address, or both.");
    assertThatThrownBy(() -> formats.parse("application/json", "{\"declaredMetrics\": [{\"value\": 0.9}]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessage("declaredMetrics[0] needs a type (e.g. accuracy, roc_auc).");
    assertThatThrownBy(() -> formats.parse("application/json", "{\"declaredMetrics\": [{\"type\": \"f1\", \"value\": \"0.9\"}]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class);
    assertThatThrownBy(() -> formats.parse("application/json", Cards.bytes("mct-census-income.json")))
        .isInstanceOf(UnreadableCard.class)
        .hasMessage("This looks like a Model Card Toolkit document: send it as application/vnd.modelcardtoolkit+json.");
    assertThatThrownBy(() -> formats.parse("application/json", "{\"metrics\": \"a\", \"metrics\": \"b\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableCard.class).hasMessageContaining("Duplicate Object property \"metrics\"");
  }

  @Test
  void gatehouseJsonWithAPlaceholderSectionIsReadAsWrittenAndReported() {
    ImportedCard imported = formats.parse("application/json",
        "{\"intendedUse\": \"Scores churn.\", \"limitations\": \"TBD\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(imported.card().limitations()).isEqualTo("TBD");
    assertThat(imported.card().owners()).isEmpty();
    assertThat(imported.warnings()).extracting(CardWarning::location).containsExactly("limitations");
  }
}
