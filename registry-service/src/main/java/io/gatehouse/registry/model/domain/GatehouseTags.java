package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tags through which an MLflow client gives what Gatehouse needs beyond MLflow's fields. The artifact
 * digest binds the approval, so once a version is submitted its digest tag can be neither changed nor
 * removed.
 */
public final class GatehouseTags {

  /** The artifact's SHA-256 (64 lowercase hex digits); with it the version is submitted for approval. */
  public static final String ARTIFACT_SHA256 = "gatehouse.artifact.sha256";
  /** The artifact's size in bytes (optional; 0 when not given). */
  public static final String ARTIFACT_SIZE = "gatehouse.artifact.size";
  /** The people who built the version, comma-separated (they may not sign it off). */
  public static final String AUTHORS = "gatehouse.authors";
  /** The team that owns a model created through MLflow. */
  public static final String OWNER_TEAM = "gatehouse.owner_team";
  /**
   * The version's evaluation data as JSON, the shape of the native API's {@code evaluationData}
   * ({@code {"uri", "sha256", "format", "columns": {"label", "prediction", "score", "groups", "features"}}}).
   */
  public static final String EVALUATION_DATA = "gatehouse.evaluation_data";
  /**
   * The version's lineage as JSON, the shape of the native API's {@code lineage}
   * ({@code {"datasets": [{"uri", "sha256", "role"}], "codeRepository", "codeCommit", "parentVersion"}}).
   */
  public static final String LINEAGE = "gatehouse.lineage";

  /** Unknown properties refused: a misspelt key must not drop a column mapping silently. */
  private static final tools.jackson.databind.json.JsonMapper STRICT = EventJson.mapper().rebuild()
      .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private GatehouseTags() {}

  public static long size(Map<String, String> tags) {
    String size = tags.get(ARTIFACT_SIZE);
    if (size == null || size.isBlank()) {
      return 0;
    }
    try {
      long bytes = Long.parseLong(size.trim());
      if (bytes >= 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw RegistryRuleViolation.invalid("artifact-size-invalid",
        "Tag " + ARTIFACT_SIZE + " must be the artifact's size in bytes, a whole number >= 0; got '" + size + "'.");
  }

  /** The evaluation data a {@link #EVALUATION_DATA} tag holds, checked as at submission; null for no such tag. */
  public static EvaluationDataRef evaluationData(Map<String, String> tags) {
    EvaluationDataRef ev = read(tags, EVALUATION_DATA, EvaluationDataRef.class, "evaluation-data-invalid");
    if (ev != null) {
      LineageRules.check(ev);
    }
    return ev;
  }

  /** The lineage a {@link #LINEAGE} tag holds, checked as at submission; null for no such tag. */
  public static Lineage lineage(Map<String, String> tags) {
    Lineage lineage = read(tags, LINEAGE, Lineage.class, "lineage-invalid");
    if (lineage != null) {
      LineageRules.check(lineage);
    }
    return lineage;
  }

  private static <T> T read(Map<String, String> tags, String key, Class<T> type, String code) {
    String value = tags.get(key);
    if (value == null) {
      return null;
    }
    try {
      T read = STRICT.readValue(value, type);
      if (read == null) {
        throw new IllegalArgumentException("null");
      }
      return read;
    } catch (RuntimeException e) {
      throw RegistryRuleViolation.invalid(code, "Tag " + key + " must hold a JSON object of the shape the native API "
          + "takes (see the registry README); it could not be read: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  public static List<String> authors(Map<String, String> tags) {
    String authors = tags.get(AUTHORS);
    if (authors == null || authors.isBlank()) {
      return List.of();
    }
    return Arrays.stream(authors.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
  }
}
