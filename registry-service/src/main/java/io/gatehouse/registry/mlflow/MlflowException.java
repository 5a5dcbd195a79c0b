package io.gatehouse.registry.mlflow;

/** An error as MLflow's clients expect it: an error code, its HTTP status, a message. */
public class MlflowException extends RuntimeException {

  private final String errorCode;
  private final int status;

  public MlflowException(String errorCode, int status, String message) {
    super(message, null, false, false);
    this.errorCode = errorCode;
    this.status = status;
  }

  public static MlflowException invalid(String message) {
    return new MlflowException("INVALID_PARAMETER_VALUE", 400, message);
  }

  public static MlflowException missing(String parameter) {
    return invalid("Missing value for required parameter '" + parameter
        + "'. See the API docs for more information about request parameters.");
  }

  public String errorCode() {
    return errorCode;
  }

  public int status() {
    return status;
  }
}
