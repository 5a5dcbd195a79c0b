package io.gatehouse.registry.card.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test cards under {@code src/test/resources/cards}. */
final class Cards {

  private Cards() {}

  static byte[] bytes(String name) {
    try (InputStream in = Cards.class.getResourceAsStream("/cards/" + name)) {
      if (in == null) {
        throw new AssertionError("Missing test card " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static ImportedCard huggingFace(String name) {
    return new CardFormats().parse(CardFormats.MARKDOWN, bytes(name));
  }

  static ImportedCard toolkit(String name) {
    return new CardFormats().parse(CardFormats.MODEL_CARD_TOOLKIT, bytes(name));
  }
}
