package io.gatehouse.platform.testapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.RiskProfile;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class TestModel {

  @AggregateIdentifier
  private String name;

  protected TestModel() {}

  @CommandHandler
  public TestModel(RegisterTestModel cmd, Clock clock) {
    apply(new ModelRegistered(cmd.name(), "test", "team", List.of(),
        new RiskProfile("test", false, false, false, null), "LOW", "tester", clock.instant()));
  }

  @EventSourcingHandler
  void on(ModelRegistered e) {
    name = e.modelName();
  }
}
