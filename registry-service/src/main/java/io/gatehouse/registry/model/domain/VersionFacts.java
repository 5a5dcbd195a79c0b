package io.gatehouse.registry.model.domain;

/**
 * What a model's decisions need to know about one of its versions.
 *
 * @param sha256 the artifact digest, or null while the version waits for it
 */
public record VersionFacts(String modelName, int version, boolean live, String sha256, boolean retired) {

  public boolean submitted() {
    return sha256 != null;
  }
}
