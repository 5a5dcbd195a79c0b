package io.gatehouse.contracts.telemetry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The input types monitoring-service accepts from outside, with their CloudEvents {@code type}, the
 * topic they travel on and their JSON Schema ({@code schemas/<type>.json}, {@code $id}
 * {@code urn:gatehouse:schema:<type>}). On Kafka they are CloudEvents in binary mode: headers
 * {@code ce_specversion} (1.0), {@code ce_id}, {@code ce_source}, {@code ce_type} required,
 * {@code ce_time} optional; the record key should be the model name (other keys are re-keyed).
 */
public enum InputType {
  /** One prediction: features, prediction, score, and the label when it is already known. */
  OBSERVATION("io.gatehouse.telemetry.Observation.v1", Topics.TELEMETRY),
  /** The label of an earlier prediction, by its prediction id. */
  LABEL("io.gatehouse.telemetry.Label.v1", Topics.TELEMETRY),
  /** Histograms of one window, aggregated by the producer on the reference's bins or categories. */
  WINDOW_HISTOGRAM("io.gatehouse.telemetry.WindowHistogram.v1", Topics.TELEMETRY),
  /** A drift signal of an external detector, firing or resolved. */
  DRIFT_SIGNAL("io.gatehouse.telemetry.DriftSignal.v1", Topics.DRIFT_SIGNALS);

  private final String type;
  private final String topic;

  InputType(String type, String topic) {
    this.type = type;
    this.topic = topic;
  }

  public String type() {
    return type;
  }

  public String topic() {
    return topic;
  }

  public String dataSchema() {
    return "urn:gatehouse:schema:" + type;
  }

  public String schemaResource() {
    return "/schemas/" + type + ".json";
  }

  public static Optional<InputType> byType(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  /** Topic names of the inputs. */
  public static final class Topics {
    public static final String TELEMETRY = "gatehouse.telemetry.v1";
    public static final String DRIFT_SIGNALS = "gatehouse.drift-signals.v1";

    private Topics() {}
  }
}
