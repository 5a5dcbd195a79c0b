package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ArtifactRef;
import java.util.regex.Pattern;

/** An artifact is named by URI and pinned by its SHA-256: the approval binds to those bytes. */
public final class ArtifactRules {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private ArtifactRules() {}

  public static void check(ArtifactRef artifact) {
    if (artifact == null || artifact.uri() == null || artifact.uri().isBlank()) {
      throw new InvalidSubmission("artifact-uri-required", "The artifact URI is required.");
    }
    if (artifact.sha256() == null || !SHA256.matcher(artifact.sha256()).matches()) {
      throw new InvalidSubmission("artifact-sha256-malformed",
          "The artifact sha256 must be 64 lowercase hexadecimal digits.");
    }
    if (artifact.sizeBytes() < 0) {
      throw new InvalidSubmission("artifact-size-negative", "The artifact size cannot be negative.");
    }
  }
}
