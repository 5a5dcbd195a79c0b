package io.gatehouse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.gatehouse.testsupport.archfixture.domain.CleanRule;
import io.gatehouse.testsupport.archfixture.domain.LeakyRule;
import io.gatehouse.testsupport.archfixture.web.SomeController;
import org.junit.jupiter.api.Test;

/** Each shared architecture rule catches a violating fixture and passes a clean one. */
class GatehouseArchitectureTest {

  private final JavaClasses leaky = new ClassFileImporter().importClasses(LeakyRule.class, SomeController.class);
  private final JavaClasses clean = new ClassFileImporter().importClasses(CleanRule.class, SomeController.class);

  @Test
  void domainIsFrameworkFreeCatchesADomainClassUsingTheWebLayer() {
    assertThat(GatehouseArchitecture.domainIsFrameworkFree().evaluate(leaky).hasViolation()).isTrue();
    assertThat(GatehouseArchitecture.domainIsFrameworkFree().evaluate(clean).hasViolation()).isFalse();
  }

  @Test
  void onlyAggregatesUseAxonCatchesAPlainDomainClassUsingAxon() {
    assertThat(GatehouseArchitecture.onlyAggregatesUseAxon().evaluate(leaky).hasViolation()).isTrue();
    assertThat(GatehouseArchitecture.onlyAggregatesUseAxon().evaluate(clean).hasViolation()).isFalse();
  }
}
