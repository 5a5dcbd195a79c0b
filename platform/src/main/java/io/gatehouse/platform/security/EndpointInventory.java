package io.gatehouse.platform.security;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The service's own REST endpoints ({@code METHOD /pattern}), and a warning at start for each one no
 * {@link EndpointAccess} rule names: such an endpoint is refused to everyone until a rule is added.
 */
public class EndpointInventory {

  private static final Logger log = LoggerFactory.getLogger(EndpointInventory.class);

  private final RequestMappingHandlerMapping mappings;
  private final ObjectProvider<EndpointAccess> access;

  public EndpointInventory(RequestMappingHandlerMapping mappings, ObjectProvider<EndpointAccess> access) {
    this.mappings = mappings;
    this.access = access;
  }

  /**
   * Every {@code METHOD /pattern} of the service's own controllers: not Spring's error endpoint, not
   * springdoc's OpenAPI document (the platform's security rules cover those).
   */
  public Set<String> endpoints() {
    Set<String> all = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      String type = method.getBeanType().getName();
      if (type.startsWith("org.springframework.") || type.startsWith("org.springdoc.")) {
        return;
      }
      for (String pattern : info.getPatternValues()) {
        info.getMethodsCondition().getMethods().forEach(m -> all.add(m.name() + " " + pattern));
      }
    });
    return all;
  }

  /** Endpoints without a rule naming exactly their method and pattern. */
  public Set<String> undeclared() {
    Set<String> declared = new TreeSet<>();
    access.orderedStream().flatMap(a -> a.rules().stream())
        .forEach(r -> declared.add(r.method().name() + " " + r.pattern()));
    Set<String> missing = new TreeSet<>(endpoints());
    missing.removeAll(declared);
    return missing;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warnAboutUndeclared() {
    undeclared().forEach(e -> log.warn("No access rule names {}: it is refused to everyone", e));
  }
}
