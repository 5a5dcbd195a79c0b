/**
 * MLflow's Model Registry REST API at {@code /api/2.0/mlflow/}: MLflow's JSON shapes and error codes over
 * Gatehouse's commands and read model, with promotions gated by approval-service.
 */
package io.gatehouse.registry.mlflow;
