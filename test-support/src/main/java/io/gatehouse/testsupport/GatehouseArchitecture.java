package io.gatehouse.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of STYLE.md, shared by every service's {@code ArchitectureTest}:
 * {@code domain} is plain code, and only the aggregate class of a domain package talks to Axon.
 */
public final class GatehouseArchitecture {

  private GatehouseArchitecture() {}

  /** Domain code depends on no framework, persistence API, web or infrastructure package. */
  public static ArchRule domainIsFrameworkFree() {
    return noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "..web..", "..infra..")
        .because("domain rules must be testable as plain code (STYLE.md, Aggregates)");
  }

  /** Within {@code domain}, only aggregate classes (annotated {@code @Aggregate}) import Axon. */
  public static ArchRule onlyAggregatesUseAxon() {
    return noClasses().that().resideInAPackage("..domain..")
        .and().areNotAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
        .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..")
        .because("decisions live in plain classes the aggregate calls (STYLE.md, Aggregates)");
  }
}
