package io.gatehouse.platform.web;

import io.gatehouse.platform.context.ActingContextFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Web conventions: problem details for every error, and who acts on each request. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class GatehouseWebConfiguration {

  /** Runs after authentication (Spring Security's filters order at -100) so the principal is known. */
  @Bean
  public FilterRegistrationBean<ActingContextFilter> actingContextFilter(
      @Value("${gatehouse.security.name-claim:name}") String nameClaim) {
    FilterRegistrationBean<ActingContextFilter> registration =
        new FilterRegistrationBean<>(new ActingContextFilter(nameClaim));
    registration.setOrder(0);
    return registration;
  }

  /** Before everything else, so an oversized body is refused before any work is done on it. */
  @Bean
  public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      @Value("${gatehouse.web.max-request-bytes:1048576}") long maxBytes,
      org.springframework.beans.factory.ObjectProvider<ErrorBodyFormat> formats) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, () -> formats.orderedStream().iterator()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Strict JSON for request bodies: unknown properties, duplicate keys, trailing content and nulls for
   * primitives are errors (400), not silently ignored.
   */
  @Bean
  public JsonMapperBuilderCustomizer strictRequestJson() {
    return builder -> builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
