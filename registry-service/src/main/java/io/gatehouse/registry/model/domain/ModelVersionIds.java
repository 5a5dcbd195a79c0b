package io.gatehouse.registry.model.domain;

/**
 * The aggregate identifier of a model version: {@code <model name>/<number>}. A model name never holds
 * a slash, so it never collides with a model's identifier (its name).
 */
public final class ModelVersionIds {

  private ModelVersionIds() {}

  public static String of(String modelName, int version) {
    return modelName + "/" + version;
  }
}
