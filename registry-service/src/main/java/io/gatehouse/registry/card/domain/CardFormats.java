package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.ModelCard;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The one entry point for reading and writing model card documents, by media type:
 *
 * <table>
 *   <caption>formats</caption>
 *   <tr><th>media type</th><th>read</th><th>write</th></tr>
 *   <tr><td>{@code text/markdown} (also {@code text/x-markdown})</td><td>Hugging Face model card</td><td>Markdown with model-index front matter</td></tr>
 *   <tr><td>{@code application/vnd.modelcardtoolkit+json}</td><td>Model Card Toolkit JSON</td><td>no</td></tr>
 *   <tr><td>{@code application/json}</td><td>Gatehouse card JSON (strict)</td><td>Gatehouse card JSON</td></tr>
 * </table>
 *
 * A document over the size limit (default 256 KiB) is refused before it is parsed ({@link CardTooLarge});
 * one that cannot be parsed at all is {@link UnreadableCard}; an unknown media type or charset is
 * {@link UnsupportedCardFormat}. Everything read but not carried into the card comes back as warnings.
 */
public final class CardFormats {

  public static final int DEFAULT_MAX_BYTES = 256 * 1024;
  public static final String MARKDOWN = "text/markdown";
  public static final String MODEL_CARD_TOOLKIT = "application/vnd.modelcardtoolkit+json";
  public static final String JSON = "application/json";

  /** Media types {@link #parse} takes. */
  public static final List<String> READABLE = List.of(MARKDOWN, "text/x-markdown", MODEL_CARD_TOOLKIT, JSON);
  /** Media types {@link #render} writes. */
  public static final List<String> WRITABLE = List.of(JSON, MARKDOWN);

  private final int maxBytes;

  public CardFormats() {
    this(DEFAULT_MAX_BYTES);
  }

  public CardFormats(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** Reads a card document sent with the given {@code Content-Type} (parameters such as charset allowed). */
  public ImportedCard parse(String contentType, byte[] body) {
    if (body.length > maxBytes) {
      throw new CardTooLarge(body.length, maxBytes);
    }
    String type = mediaType(contentType);
    String text = decode(body, charset(contentType));
    return switch (type) {
      case MARKDOWN, "text/x-markdown" -> HuggingFaceCardReader.read(text);
      case MODEL_CARD_TOOLKIT -> ModelCardToolkitReader.read(text);
      case JSON -> CardJson.read(text);
      default -> throw new UnsupportedCardFormat("A model card can be sent as " + READABLE
          + "; '" + contentType + "' is none of these.");
    };
  }

  /**
   * Writes a card as {@code application/json} or {@code text/markdown} (UTF-8). {@code title}, e.g.
   * "credit-scorer version 3", heads the Markdown and names the model in its model-index; may be null.
   */
  public String render(ModelCard card, String mediaType, String title) {
    return switch (mediaType(mediaType)) {
      case JSON -> CardJson.write(card);
      case MARKDOWN, "text/x-markdown" -> CardMarkdownWriter.write(card, title);
      default -> throw new UnsupportedCardFormat("A model card can be written as " + WRITABLE
          + "; '" + mediaType + "' is none of these.");
    };
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw new UnsupportedCardFormat("A model card needs a media type, one of " + READABLE + ".");
    }
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static Charset charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] kv = parameter.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
        String name = kv[1].strip().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          throw new UnsupportedCardFormat("Charset '" + name + "' is not supported; send UTF-8.");
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String decode(byte[] body, Charset charset) {
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableCard("The model card is not valid " + charset.name() + " text.");
    }
  }
}
