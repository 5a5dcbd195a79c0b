package io.gatehouse.contracts;

/** An event about a registered model as a whole. */
public interface ModelEvent extends GatehouseEvent {

  String modelName();

  @Override
  default String partitionKey() {
    return modelName();
  }

  @Override
  default String subject() {
    return "models/" + modelName();
  }
}
