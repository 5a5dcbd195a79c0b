package io.gatehouse.contracts;

/** An event about one version of a model. */
public interface ModelVersionEvent extends ModelEvent {

  int version();

  @Override
  default String subject() {
    return "models/" + modelName() + "/versions/" + version();
  }
}
