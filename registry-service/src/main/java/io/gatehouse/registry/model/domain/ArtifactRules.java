package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ArtifactRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * An artifact is named by URI and pinned by its SHA-256: the approval binds to those bytes. A URI is
 * absolute, has no {@code ..} segment, and is not a local {@code file:} path (a reviewer elsewhere could
 * not read it; MLflow's server refuses those too).
 */
public final class ArtifactRules {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  public static final int MAX_URI = 2048;

  private ArtifactRules() {}

  public static boolean validSha256(String sha256) {
    return sha256 != null && SHA256.matcher(sha256).matches();
  }

  public static void checkSha256(String sha256) {
    if (!validSha256(sha256)) {
      throw RegistryRuleViolation.invalid("artifact-sha256-malformed",
          "The artifact sha256 must be 64 lowercase hexadecimal digits.");
    }
  }

  public static void checkUri(String uri) {
    if (uri == null || uri.isBlank()) {
      throw RegistryRuleViolation.invalid("artifact-uri-required", "The artifact URI is required.");
    }
    if (uri.length() > MAX_URI) {
      throw RegistryRuleViolation.invalid("artifact-uri-invalid", "The artifact URI is longer than " + MAX_URI
          + " characters.");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw RegistryRuleViolation.invalid("artifact-uri-invalid", "The artifact URI is not a valid URI: " + uri);
    }
    if (parsed.getScheme() == null) {
      throw RegistryRuleViolation.invalid("artifact-uri-invalid",
          "The artifact URI must be absolute with a scheme (s3://, gs://, https://, models:/, ...): " + uri);
    }
    if ("file".equalsIgnoreCase(parsed.getScheme())) {
      throw RegistryRuleViolation.invalid("artifact-uri-invalid",
          "Local file: URIs are not accepted: reviewers and serving platforms could not read the artifact.");
    }
    String path = parsed.getRawSchemeSpecificPart();
    if (path != null && (path.contains("/../") || path.endsWith("/..") || path.startsWith("../")
        || path.contains("%2e%2e") || path.contains("%2E%2E"))) {
      throw RegistryRuleViolation.invalid("artifact-uri-invalid",
          "The artifact URI may not contain relative path segments (..): " + uri);
    }
  }

  public static void check(ArtifactRef artifact) {
    if (artifact == null) {
      throw RegistryRuleViolation.invalid("artifact-uri-required", "The artifact URI is required.");
    }
    checkUri(artifact.uri());
    checkSha256(artifact.sha256());
    if (artifact.sizeBytes() < 0) {
      throw RegistryRuleViolation.invalid("artifact-size-negative", "The artifact size cannot be negative.");
    }
  }
}
