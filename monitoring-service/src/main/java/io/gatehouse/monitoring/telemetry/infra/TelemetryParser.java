package io.gatehouse.monitoring.telemetry.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.domain.Label;
import io.gatehouse.monitoring.telemetry.domain.Observation;
import io.gatehouse.monitoring.telemetry.domain.WindowHistogram;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the inputs from outside and checks them as their JSON Schemas in event-contracts do
 * ({@code io.gatehouse.telemetry.*.v1}): required properties, types, formats, limits, no unknown
 * property, no duplicate key. Observations come in at high rates, so they are read token by token
 * with no tree; the rarer inputs are read as a tree. Every refusal is an {@link InvalidInput} whose
 * message names the property at fault. {@code TelemetryParserTest} holds the parser to the schemas.
 */
public final class TelemetryParser {

  public static final int MAX_FEATURES = 500;
  public static final int MAX_NAME = 200;

  private static final ObjectReader READER = EventJson.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  /**
   * Observations: a parser factory that recycles its buffers per thread (the default pool is a
   * concurrent deque, measurable at 100,000 records a second) and leaves duplicate keys to us.
   */
  private static final JsonFactory FAST = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
  private static final java.util.Map<String, InputType> TYPES = new java.util.HashMap<>();
  private static final byte[][] TYPE_BYTES = new byte[InputType.values().length][];
  private static final byte[] SPEC_1_0 = "1.0".getBytes(StandardCharsets.UTF_8);

  static {
    for (InputType t : InputType.values()) {
      TYPES.put(t.type(), t);
      TYPE_BYTES[t.ordinal()] = t.type().getBytes(StandardCharsets.UTF_8);
    }
  }

  private TelemetryParser() {}

  /** The input type of a record from its CloudEvents headers; refuses a type foreign to the topic. */
  public static InputType type(Headers headers, String topic) {
    // compared as bytes: decoding four headers per record showed in profiles
    Header spec = headers.lastHeader("ce_specversion");
    if (spec == null || spec.value() == null) {
      throw new InvalidInput("missing-header", "header ce_specversion is missing (CloudEvents binary mode)");
    }
    if (!java.util.Arrays.equals(spec.value(), SPEC_1_0)) {
      throw new InvalidInput("bad-header", "ce_specversion must be 1.0, was "
          + Rfc3339.abbreviate(new String(spec.value(), StandardCharsets.UTF_8)));
    }
    for (String required : REQUIRED) {
      Header h = headers.lastHeader(required);
      if (h == null || h.value() == null || h.value().length == 0) {
        throw new InvalidInput("missing-header", "header " + required + " is missing");
      }
    }
    Header typeHeader = headers.lastHeader("ce_type");
    if (typeHeader == null || typeHeader.value() == null) {
      throw new InvalidInput("missing-header", "header ce_type is missing");
    }
    InputType t = null;
    for (InputType candidate : InputType.values()) {
      if (java.util.Arrays.equals(TYPE_BYTES[candidate.ordinal()], typeHeader.value())) {
        t = candidate;
        break;
      }
    }
    if (t == null) {
      String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
      throw new InvalidInput("unknown-type", "unknown input type " + Rfc3339.abbreviate(type)
          + "; expected one of io.gatehouse.telemetry.{Observation,Label,WindowHistogram,DriftSignal}.v1");
    }
    String type = t.type();
    if (topic != null && !t.topic().equals(topic)) {
      throw new InvalidInput("unknown-type", type + " does not belong on " + topic + " (it goes to " + t.topic() + ")");
    }
    return t;
  }

  private static final String[] REQUIRED = {"ce_id", "ce_source"};

  public static String header(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Observation: streaming

  private static final int F_MODEL = 1;
  private static final int F_VERSION = 2;
  private static final int F_TIMESTAMP = 4;
  private static final int F_FEATURES = 8;
  private static final int F_PREDICTION_ID = 16;
  private static final int F_PREDICTION = 32;
  private static final int F_SCORE = 64;
  private static final int F_LABEL = 128;
  private static final String[] NO_NAMES = new String[0];
  private static final Object[] NO_VALUES = new Object[0];

  public static Observation observation(byte[] json) {
    if (json == null || json.length == 0) {
      throw new InvalidInput("bad-payload", "the observation has no data");
    }
    try (JsonParser p = FAST.createParser(tools.jackson.core.ObjectReadContext.empty(), json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInput("bad-payload", "an observation must be a JSON object");
      }
      String model = null;
      int version = 0;
      String predictionId = null;
      long ts = 0;
      String[] names = NO_NAMES;
      Object[] values = NO_VALUES;
      int count = 0;
      String prediction = null;
      double score = Double.NaN;
      String label = null;
      int seen = 0;
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken t = p.nextToken();
        int bit = switch (name) {
          case "modelName" -> F_MODEL;
          case "version" -> F_VERSION;
          case "predictionId" -> F_PREDICTION_ID;
          case "timestamp" -> F_TIMESTAMP;
          case "features" -> F_FEATURES;
          case "prediction" -> F_PREDICTION;
          case "score" -> F_SCORE;
          case "label" -> F_LABEL;
          default -> throw new InvalidInput("bad-payload", "unknown property " + Rfc3339.abbreviate(name)
              + " in an observation");
        };
        if ((seen & bit) != 0) {
          throw new InvalidInput("bad-payload", "Duplicate property " + name + " in an observation");
        }
        seen |= bit;
        switch (name) {
          case "modelName" -> model = modelName(p, t, "modelName");
          case "version" -> version = version(p, t);
          case "predictionId" -> predictionId = t == JsonToken.VALUE_NULL ? null : boundedString(p, t, "predictionId", MAX_NAME);
          case "timestamp" -> {
            if (t != JsonToken.VALUE_STRING) {
              throw new InvalidInput("bad-payload", "timestamp must be an RFC 3339 date-time string");
            }
            ts = Rfc3339.epochMillis(p.getString(), "timestamp");
          }
          case "features" -> {
            if (t != JsonToken.START_OBJECT) {
              throw new InvalidInput("bad-payload", "features must be an object of feature name to value");
            }
            names = new String[8];
            values = new Object[8];
            java.util.Set<String> many = null;
            String f;
            while ((f = p.nextName()) != null) {
              if (f.isEmpty() || f.length() > MAX_NAME) {
                throw new InvalidInput("bad-payload", "a feature name must have 1 to " + MAX_NAME + " characters");
              }
              if (count == MAX_FEATURES) {
                throw new InvalidInput("bad-payload", "an observation may have at most " + MAX_FEATURES + " features");
              }
              // duplicate names: a scan while few, a set when many
              if (count <= 16) {
                for (int i = 0; i < count; i++) {
                  if (names[i].equals(f)) {
                    throw new InvalidInput("bad-payload", "Duplicate feature " + Rfc3339.abbreviate(f));
                  }
                }
                if (count == 16) {
                  many = new java.util.HashSet<>(java.util.Arrays.asList(names).subList(0, count));
                }
              }
              if (many != null && !many.add(f)) {
                throw new InvalidInput("bad-payload", "Duplicate feature " + Rfc3339.abbreviate(f));
              }
              if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
                values = java.util.Arrays.copyOf(values, count * 2);
              }
              names[count] = f;
              values[count++] = featureValue(p, p.nextToken(), f);
            }
          }
          case "prediction" -> prediction = scalarText(p, t, "prediction", true);
          case "score" -> {
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              score = p.getDoubleValue();
              if (!Double.isFinite(score)) {
                throw new InvalidInput("bad-payload", "score must be a finite number");
              }
            } else if (t != JsonToken.VALUE_NULL) {
              throw new InvalidInput("bad-payload", "score must be a number or null");
            }
          }
          default -> label = scalarText(p, t, "label", true);
        }
      }
      if (p.nextToken() != null) {
        throw new InvalidInput("bad-payload", "trailing content after the observation");
      }
      if ((seen & F_MODEL) == 0) {
        throw new InvalidInput("bad-payload", "modelName is missing");
      }
      if ((seen & F_VERSION) == 0) {
        throw new InvalidInput("bad-payload", "version is missing");
      }
      if ((seen & F_TIMESTAMP) == 0) {
        throw new InvalidInput("bad-payload", "timestamp is missing");
      }
      if ((seen & F_FEATURES) == 0) {
        throw new InvalidInput("bad-payload", "features is missing");
      }
      if (count < names.length) {
        names = java.util.Arrays.copyOf(names, count);
        values = java.util.Arrays.copyOf(values, count);
      }
      return new Observation(model, version, predictionId, ts, names, values, prediction, score, label);
    } catch (JacksonException e) {
      throw new InvalidInput("bad-payload", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static Object featureValue(JsonParser p, JsonToken t, String feature) {
    return switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
          throw new InvalidInput("bad-payload", "feature " + feature + " is not a finite number");
        }
        yield v;
      }
      case VALUE_STRING -> p.getString();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> null;
      default -> throw new InvalidInput("bad-payload", "feature " + Rfc3339.abbreviate(feature)
          + " must be a number, string, boolean or null");
    };
  }

  /** Text of a prediction or label: numbers canonical, booleans 1/0. */
  private static String scalarText(JsonParser p, JsonToken t, String field, boolean nullable) {
    return switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
          throw new InvalidInput("bad-payload", field + " must be a finite number");
        }
        yield Observation.canonical(v);
      }
      case VALUE_STRING -> p.getString();
      case VALUE_TRUE -> "1";
      case VALUE_FALSE -> "0";
      case VALUE_NULL -> {
        if (!nullable) {
          throw new InvalidInput("bad-payload", field + " must not be null");
        }
        yield null;
      }
      default -> throw new InvalidInput("bad-payload", field + " must be a number, string or boolean");
    };
  }

  private static String modelName(JsonParser p, JsonToken t, String field) {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidInput("bad-payload", field + " must be a string");
    }
    String s = p.getString();
    if (!isModelName(s)) {
      throw new InvalidInput("bad-payload", field + " '" + Rfc3339.abbreviate(s) + "' is not a model name (letters,"
          + " digits, '.', '_', '-', starting and ending with a letter or digit, at most 256)");
    }
    return s;
  }

  /** The registry's rule for model names, without a regular expression. */
  public static boolean isModelName(String s) {
    int n = s.length();
    if (n == 0 || n > 256 || !alnum(s.charAt(0)) || !alnum(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int version(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double v = p.getDoubleValue();
      if (v == Math.rint(v) && v >= 1 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    }
    throw new InvalidInput("bad-payload", "version must be a whole number of at least 1");
  }

  private static String boundedString(JsonParser p, JsonToken t, String field, int max) {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidInput("bad-payload", field + " must be a string");
    }
    String s = p.getString();
    if (s.isEmpty() || s.length() > max) {
      throw new InvalidInput("bad-payload", field + " must have 1 to " + max + " characters");
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // The rarer inputs: as a tree

  public static Label label(byte[] json) {
    JsonNode n = tree(json, "label");
    fields(n, Set.of("modelName", "version", "predictionId", "label", "timestamp"),
        Set.of("modelName", "version", "predictionId", "label", "timestamp"), "a label");
    JsonNode l = n.path("label");
    String label;
    if (l.isNumber() && Double.isFinite(l.doubleValue())) {
      label = Observation.canonical(l.doubleValue());
    } else if (l.isString()) {
      label = l.stringValue();
    } else if (l.isBoolean()) {
      label = l.booleanValue() ? "1" : "0";
    } else {
      throw new InvalidInput("bad-payload", "label must be a number, string or boolean");
    }
    return new Label(modelName(n), version(n), string(n, "predictionId", MAX_NAME), label,
        Rfc3339.epochMillis(string(n, "timestamp", 64), "timestamp"));
  }

  public static WindowHistogram windowHistogram(byte[] json) {
    JsonNode n = tree(json, "window histogram");
    Set<String> props = Set.of("modelName", "version", "windowStart", "windowEnd", "sampleSize", "features");
    fields(n, props, props, "a window histogram");
    long start = Rfc3339.epochMillis(string(n, "windowStart", 64), "windowStart");
    long end = Rfc3339.epochMillis(string(n, "windowEnd", 64), "windowEnd");
    if (end <= start) {
      throw new InvalidInput("bad-payload", "windowEnd must be after windowStart");
    }
    long sampleSize = wholeNumber(n.path("sampleSize"), "sampleSize", 1);
    JsonNode features = n.path("features");
    if (!features.isArray() || features.isEmpty() || features.size() > MAX_FEATURES) {
      throw new InvalidInput("bad-payload", "features must be an array of 1 to " + MAX_FEATURES + " histograms");
    }
    List<WindowHistogram.Entry> entries = new ArrayList<>();
    for (JsonNode f : features) {
      fields(f, Set.of("feature", "kind", "binEdges", "categories", "counts"), Set.of("feature", "kind", "counts"),
          "a feature histogram");
      String feature = string(f, "feature", MAX_NAME);
      String kind = string(f, "kind", 20);
      if (!kind.equals("numeric") && !kind.equals("categorical")) {
        throw new InvalidInput("bad-payload", feature + ": kind must be numeric or categorical");
      }
      List<Double> edges = new ArrayList<>();
      for (JsonNode e : array(f, "binEdges", 1001)) {
        if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
          throw new InvalidInput("bad-payload", feature + ": bin edges must be numbers");
        }
        edges.add(e.doubleValue());
      }
      List<String> categories = new ArrayList<>();
      for (JsonNode c : array(f, "categories", 1000)) {
        if (!c.isString()) {
          throw new InvalidInput("bad-payload", feature + ": categories must be strings");
        }
        categories.add(c.stringValue());
      }
      List<Long> counts = new ArrayList<>();
      List<JsonNode> countNodes = array(f, "counts", 1000);
      if (countNodes.isEmpty()) {
        throw new InvalidInput("bad-payload", feature + ": counts must not be empty");
      }
      for (JsonNode c : countNodes) {
        counts.add(wholeNumber(c, feature + " count", 0));
      }
      entries.add(new WindowHistogram.Entry(feature, kind, edges, categories, counts));
    }
    return new WindowHistogram(modelName(n), version(n), start, end, sampleSize, entries);
  }

  public static DriftSignal driftSignal(byte[] json) {
    JsonNode n = tree(json, "drift signal");
    Set<String> props = Set.of("signalId", "modelName", "version", "status", "feature", "statistic", "value",
        "threshold", "severity", "windowStart", "windowEnd", "sampleSize", "source", "observedAt");
    fields(n, props, props, "a drift signal");
    String status = oneOf(n, "status", Set.of("firing", "resolved"));
    String statistic = oneOf(n, "statistic", Set.of("PSI", "KS", "JS"));
    String severity = oneOf(n, "severity", Set.of("WARN", "ACT"));
    return new DriftSignal(string(n, "signalId", MAX_NAME), modelName(n), version(n), status.equals("firing"),
        string(n, "feature", MAX_NAME), statistic, number(n, "value"), number(n, "threshold"), severity,
        Instant.ofEpochMilli(Rfc3339.epochMillis(string(n, "windowStart", 64), "windowStart")),
        Instant.ofEpochMilli(Rfc3339.epochMillis(string(n, "windowEnd", 64), "windowEnd")),
        wholeNumber(n.path("sampleSize"), "sampleSize", 0), string(n, "source", 100),
        Instant.ofEpochMilli(Rfc3339.epochMillis(string(n, "observedAt", 64), "observedAt")));
  }

  private static JsonNode tree(byte[] json, String what) {
    if (json == null || json.length == 0) {
      throw new InvalidInput("bad-payload", "the " + what + " has no data");
    }
    try {
      JsonNode n = READER.readTree(json);
      if (n == null || !n.isObject()) {
        throw new InvalidInput("bad-payload", "a " + what + " must be a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      throw new InvalidInput("bad-payload", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void fields(JsonNode n, Set<String> allowed, Set<String> required, String what) {
    for (String name : n.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new InvalidInput("bad-payload", "unknown property " + Rfc3339.abbreviate(name) + " in " + what);
      }
    }
    for (String r : required) {
      if (!n.has(r)) {
        throw new InvalidInput("bad-payload", r + " is missing in " + what);
      }
    }
  }

  private static String modelName(JsonNode n) {
    JsonNode m = n.path("modelName");
    if (!m.isString() || !isModelName(m.stringValue())) {
      throw new InvalidInput("bad-payload", "modelName is not a model name");
    }
    return m.stringValue();
  }

  private static int version(JsonNode n) {
    JsonNode v = n.path("version");
    if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && v.doubleValue() >= 1
        && v.doubleValue() <= Integer.MAX_VALUE) {
      return (int) v.doubleValue();
    }
    throw new InvalidInput("bad-payload", "version must be a whole number of at least 1");
  }

  private static String string(JsonNode n, String field, int max) {
    JsonNode v = n.path(field);
    if (!v.isString() || v.stringValue().isEmpty() || v.stringValue().length() > max) {
      throw new InvalidInput("bad-payload", field + " must be a string of 1 to " + max + " characters");
    }
    return v.stringValue();
  }

  private static String oneOf(JsonNode n, String field, Set<String> allowed) {
    JsonNode v = n.path(field);
    if (!v.isString() || !allowed.contains(v.stringValue())) {
      throw new InvalidInput("bad-payload", field + " must be one of " + allowed.stream().sorted().toList());
    }
    return v.stringValue();
  }

  private static double number(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new InvalidInput("bad-payload", field + " must be a number");
    }
    return v.doubleValue();
  }

  private static long wholeNumber(JsonNode v, String field, long min) {
    if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && v.doubleValue() >= min
        && v.doubleValue() < 9.0e15) {
      return (long) v.doubleValue();
    }
    throw new InvalidInput("bad-payload", field + " must be a whole number of at least " + min);
  }

  private static List<JsonNode> array(JsonNode n, String field, int max) {
    JsonNode v = n.path(field);
    if (v.isMissingNode()) {
      return List.of();
    }
    if (!v.isArray() || v.size() > max) {
      throw new InvalidInput("bad-payload", field + " must be an array of at most " + max + " items");
    }
    List<JsonNode> items = new ArrayList<>();
    v.forEach(items::add);
    return items;
  }
}
