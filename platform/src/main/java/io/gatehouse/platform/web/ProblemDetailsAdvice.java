package io.gatehouse.platform.web;

import io.gatehouse.platform.rules.RuleViolation;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail ruleViolation(RuleViolation e) {
    HttpStatus status = switch (e.kind()) {
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
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
