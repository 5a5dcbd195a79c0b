package io.gatehouse.platform.web;

import io.gatehouse.platform.rules.RuleViolation;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457): what was wrong and which rule, never a
 * stack trace or an internal class name. Spring MVC's own errors (malformed JSON, wrong method,
 * unsupported media type, ...) are handled by the superclass in the same format.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  public static URI type(String code) {
    return URI.create("urn:gatehouse:problem:" + code);
  }

  public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(type(code));
    p.setTitle(title);
    p.setProperty("code", code);
    return p;
  }

  /** Bean validation of a request body: every field at fault, with what is wrong with it. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError f : ex.getBindingResult().getFieldErrors()) {
      errors.add(Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())));
    }
    for (ObjectError o : ex.getBindingResult().getGlobalErrors()) {
      errors.add(Map.of("field", o.getObjectName(), "message", String.valueOf(o.getDefaultMessage())));
    }
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  /** Validation of parameters (query, path): which parameter, what is wrong. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(Map.of(
        "field", String.valueOf(r.getMethodParameter().getParameterName()),
        "message", String.valueOf(e.getDefaultMessage())))));
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  /** Unreadable body: where the JSON breaks or which field has the wrong shape, without Java type names. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "The request body is missing or is not valid JSON.";
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimitFilter.TooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                "The request body is larger than the limit of " + tooLarge.maxBytes() + " bytes."));
      }
      if (t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
        detail = "Unknown field '" + u.getPropertyName() + "': the request may only contain the documented fields.";
        break;
      }
      if (t instanceof JacksonException j) {
        String path = j.getPath().stream()
            .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        detail = path.isEmpty()
            ? "The request body is not valid JSON"
                + (j.getLocation() == null ? "." : " (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ").")
            : "Field '" + path + "' is missing a value of the right type, or has one of the wrong type.";
        break;
      }
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
  }

  /** Method validation through {@code @Validated} (AOP): which parameter, what is wrong. */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
      String path = v.getPropertyPath().toString();
      errors.add(Map.of("field", path.substring(path.lastIndexOf('.') + 1), "message", v.getMessage()));
    }
    errors.sort(java.util.Comparator.comparing(e -> e.get("field")));
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail ruleViolation(RuleViolation e) {
    HttpStatus status = switch (e.kind()) {
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    };
    return problem(status, e.code(), "Refused by rule " + e.code(), e.getMessage());
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail notFound(AggregateNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
        "No such resource: " + e.getAggregateIdentifier());
  }

  @ExceptionHandler(AggregateStreamCreationException.class)
  ProblemDetail alreadyExists(AggregateStreamCreationException e) {
    return problem(HttpStatus.CONFLICT, "already-exists", "Already exists",
        "A resource with this identity already exists.");
  }

  @ExceptionHandler(ConcurrencyException.class)
  ProblemDetail concurrentUpdate(ConcurrencyException e) {
    return problem(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
        "Another change to the same resource was committed first; read it again and retry.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unhandled error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The request failed on the server; it has been logged.");
  }
}
