package io.gatehouse.platform.web;

import io.gatehouse.platform.context.ActingContextFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
  public FilterRegistrationBean<ActingContextFilter> actingContextFilter() {
    FilterRegistrationBean<ActingContextFilter> registration = new FilterRegistrationBean<>(new ActingContextFilter());
    registration.setOrder(0);
    return registration;
  }
}
