package io.gatehouse.audit.auditlog.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;
import tools.jackson.databind.JsonNode;
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
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LeafCodec() {}

  /** The canonical leaf bytes of an event. */
  public static byte[] canonical(LoggedEvent e) {
    ObjectNode event = JSON.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", e.id());
    event.put("type", e.type());
    event.put("source", e.source());
    if (e.subject() != null) {
      event.put("subject", e.subject());
    }
    event.put("time", e.time().toString());
    event.put("datacontenttype", "application/json");
    if (e.actor() != null) {
      event.put("actor", e.actor());
    }
    event.set("data", parse(e.data()));
    return canonical(event);
  }

  /** RFC 8785 canonical form of a JSON text. */
  public static byte[] canonicalize(String json) {
    return canonical(parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
    }
  }

  /**
   * RFC 8785 (JCS) serialization of a parsed document: members sorted by their names' UTF-16 code
   * units, no whitespace, strings escaped only where JSON requires it (control characters as
   * a backslash, u, 00 and two hex digits in lower case, or their short forms), numbers as ECMAScript prints IEEE-754 doubles
   * (the {@code NumberToJSON} of the JCS reference implementation for Java). The test compares it
   * with that implementation's whole canonicalizer, which the offline verifier uses.
   */
  static byte[] canonical(JsonNode node) {
    StringBuilder out = new StringBuilder(512);
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode n, StringBuilder out) {
    if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(n.properties());
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(members.get(i).getKey(), out);
        out.append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      boolean first = true;
      for (JsonNode element : n) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(element, out);
      }
      out.append(']');
    } else if (n.isString()) {
      string(n.asString(), out);
    } else if (n.isNumber()) {
      try {
        out.append(NumberToJSON.serializeNumber(n.asDouble()));
      } catch (IOException e) {
        throw new IllegalArgumentException("not canonicalizable JSON: the number " + n + " " + e.getMessage(), e);
      }
    } else if (n.isBoolean()) {
      out.append(n.asBoolean() ? "true" : "false");
    } else if (n.isNull()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not canonicalizable JSON: a " + n.getNodeType() + " node");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, plain, i);
      plain = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(s, plain, s.length()).append('"');
  }
}
