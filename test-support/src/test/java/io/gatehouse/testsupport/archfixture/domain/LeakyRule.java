package io.gatehouse.testsupport.archfixture.domain;

import io.gatehouse.testsupport.archfixture.web.SomeController;
import org.axonframework.modelling.command.AggregateLifecycle;

/** Breaks both rules on purpose: a domain class calling the web layer and Axon. */
public class LeakyRule {
  public String decide() {
    AggregateLifecycle.isLive();
    return SomeController.hello();
  }
}
