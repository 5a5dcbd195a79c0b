package io.gatehouse.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The OpenAPI document of every service (springdoc, at {@code /v3/api-docs}): titled, bearer-secured. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public OpenAPI gatehouseOpenApi(@Value("${spring.application.name}") String service) {
    return new OpenAPI()
        .info(new Info().title("Gatehouse " + service).version("v1")
            .description("Errors are RFC 9457 application/problem+json. Every call needs a bearer token."))
        .components(new Components().addSecuritySchemes("bearer",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
