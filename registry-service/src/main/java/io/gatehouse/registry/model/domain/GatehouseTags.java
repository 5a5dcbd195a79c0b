package io.gatehouse.registry.model.domain;

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

  public static List<String> authors(Map<String, String> tags) {
    String authors = tags.get(AUTHORS);
    if (authors == null || authors.isBlank()) {
      return List.of();
    }
    return Arrays.stream(authors.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
  }
}
