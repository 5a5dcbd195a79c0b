package io.gatehouse.registry.card.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many generated cards, written as Markdown and as JSON and read back: the same card each time. The
 * pieces are chosen to trouble the writers: YAML look-alikes ({@code yes}, {@code null}, {@code 1.0},
 * {@code #tag}, {@code key: value}), Markdown tables, fences, lists and sub-headings, pipes and angle
 * brackets, non-ASCII text.
 */
class CardRoundTripTest {

  private static final List<String> TEXTS = List.of(
      "Ranks applications by default risk.",
      "Two paragraphs.\n\nThe second one *emphasised*, with a [link](https://acme.example/x).",
      "- first item\n- second item: with a colon\n- third | with a pipe",
      "1. ordered\n2. list",
      "| slice | accuracy |\n|---|---|\n| all | 0.874 |",
      "```python\nmodel.predict(x)\n\n# not a heading inside a fence\n```",
      "**Label**\n\nText under a bold label.",
      "Intro.\n\n### A sub-heading\n\nUnder it.\n\n#### Deeper\n\nDeeper text.",
      "Zürich, São Paulo, 東京: non-ASCII is fine.",
      "> A quote\n> over two lines.",
      "Line with trailing <angle> brackets & ampersands.",
      "    indented code block");
  private static final List<String> WORDS = List.of("yes", "no", "null", "1.0", "0x1F", "#tag", "@handle", "key: value",
      "a, b", "'quoted'", "\"double\"", "ACME Risk", "Zürich team", "- dash", "[bracket]", "~", "true", "2024-01-01",
      "multi word name", "x|y");

  @Test
  void generatedCardsReadBackUnchangedFromMarkdownAndJson() {
    Random random = new Random(20250301L);
    CardFormats formats = new CardFormats();
    for (int i = 0; i < 400; i++) {
      ModelCard card = card(random);
      String markdown = formats.render(card, CardFormats.MARKDOWN, random.nextBoolean() ? null : word(random));
      assertThat(formats.parse(CardFormats.MARKDOWN, markdown.getBytes(StandardCharsets.UTF_8)).card())
          .as("card %d as Markdown:%n%s", i, markdown).isEqualTo(card);
      String json = formats.render(card, CardFormats.JSON, null);
      assertThat(formats.parse(CardFormats.JSON, json.getBytes(StandardCharsets.UTF_8)).card())
          .as("card %d as JSON", i).isEqualTo(card);
    }
  }

  private static ModelCard card(Random r) {
    String[] t = new String[9];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextInt(4) == 0 ? null : TEXTS.get(r.nextInt(TEXTS.size()));
    }
    // owners and contacts are sets in effect: a reader keeps the first of equal ones
    List<String> owners = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String owner = word(r) + (r.nextBoolean() ? "" : " " + i);
      if (!owners.contains(owner)) {
        owners.add(owner);
      }
    }
    List<DeclaredMetric> metrics = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      metrics.add(new DeclaredMetric(r.nextBoolean() ? "accuracy" : word(r), maybe(r), round(r.nextDouble() * 100), maybe(r),
          maybe(r), maybe(r), maybe(r), maybe(r), r.nextInt(3) == 0 ? word(r) + " (https://acme.example/r/" + i + ")" : maybe(r)));
    }
    List<Contact> contacts = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      contacts.add(switch (r.nextInt(3)) {
        case 0 -> new Contact("Team " + i, "team" + i + "@acme.example");
        case 1 -> new Contact(null, r.nextBoolean() ? "#channel-" + i : "https://acme.example/contact/" + i);
        default -> new Contact("Person " + i, null);
      });
    }
    return new ModelCard(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], owners, metrics, contacts);
  }

  private static String word(Random r) {
    return WORDS.get(r.nextInt(WORDS.size()));
  }

  private static String maybe(Random r) {
    return r.nextBoolean() ? null : word(r);
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
