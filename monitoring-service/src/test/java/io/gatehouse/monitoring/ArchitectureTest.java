package io.gatehouse.monitoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.gatehouse.testsupport.GatehouseArchitecture;

@AnalyzeClasses(packages = "io.gatehouse.monitoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsFrameworkFree = GatehouseArchitecture.domainIsFrameworkFree();

  @ArchTest
  static final ArchRule onlyAggregatesUseAxon = GatehouseArchitecture.onlyAggregatesUseAxon();
}
