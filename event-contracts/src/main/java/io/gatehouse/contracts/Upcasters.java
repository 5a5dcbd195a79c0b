package io.gatehouse.contracts;

import io.gatehouse.contracts.registry.ModelCardRevision2Upcaster;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every Axon upcaster of the published language, oldest first. A service that stores these events in
 * its event store reads old revisions through this chain (the platform registers it).
 */
public final class Upcasters {

  private Upcasters() {}

  public static List<EventUpcaster> all() {
    return List.of(new ModelCardRevision2Upcaster());
  }

  public static EventUpcasterChain chain() {
    return new EventUpcasterChain(all());
  }
}
