package io.gatehouse.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.gatehouse.testsupport.GatehouseArchitecture;

@AnalyzeClasses(packages = "io.gatehouse.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsFrameworkFree = GatehouseArchitecture.domainIsFrameworkFree();

  @ArchTest
  static final ArchRule onlyAggregatesUseAxon = GatehouseArchitecture.onlyAggregatesUseAxon();

  /** The offline verifier runs with the JDK alone (plus Jackson and JCS for its command line). */
  @ArchTest
  static final ArchRule verifierNeedsNoFramework = noClasses().that().resideInAPackage("io.gatehouse.audit.verifier..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.gatehouse.platform..",
          "io.gatehouse.audit.auditlog..", "org.axonframework..", "jakarta..");
}
