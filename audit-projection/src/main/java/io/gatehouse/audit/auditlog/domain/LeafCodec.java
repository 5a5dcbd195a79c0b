package io.gatehouse.audit.auditlog.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leaf of an event: the UTF-8 bytes of its CloudEvent in JSON format (CloudEvents 1.0 JSON event
 * format), canonicalized by RFC 8785 (JCS). Members, exactly:
 * <ul>
 *   <li>{@code specversion} {@code "1.0"}, {@code id}, {@code type}, {@code source};</li>
 *   <li>{@code subject} when the event has one;</li>
 *   <li>{@code time}: the CloudEvent time in UTC, as {@link java.time.Instant#toString()} prints it
 *       (RFC 3339, {@code Z}, no trailing zero fraction digits);</li>
 *   <li>{@code datacontenttype} {@code "application/json"};</li>
 *   <li>{@code actor} (extension attribute, from the {@code gatehouse_actor} header) when present;</li>
 *   <li>{@code data}: the event's JSON payload.</li>
 * </ul>
 * The trace context is left out: it is observability data, not part of what was decided. The leaf
 * hash is {@code SHA-256(0x00 || leaf)}.
 */
public final class LeafCodec {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LeafCodec() {}

  /** The canonical leaf bytes of an event. */
  public static byte[] canonical(LoggedEvent e) {
    ObjectNode attrs = JSON.createObjectNode();
    attrs.put("specversion", "1.0");
    attrs.put("id", e.id());
    attrs.put("type", e.type());
    attrs.put("source", e.source());
    if (e.subject() != null) {
      attrs.put("subject", e.subject());
    }
    attrs.put("time", e.time().toString());
    attrs.put("datacontenttype", "application/json");
    if (e.actor() != null) {
      attrs.put("actor", e.actor());
    }
    String head = JSON.writeValueAsString(attrs);
    String json = head.substring(0, head.length() - 1) + ",\"data\":" + new String(e.data(), StandardCharsets.UTF_8)
        + "}";
    return canonicalize(json);
  }

  /** RFC 8785 canonical form of a JSON text. */
  public static byte[] canonicalize(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedUTF8();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
    }
  }
}
