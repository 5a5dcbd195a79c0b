package io.gatehouse.registry.model.infra;

import io.gatehouse.registry.model.domain.ModelVersion;
import io.gatehouse.registry.model.domain.RegisteredModel;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command handler that acts on a model and its versions together. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryCommandConfiguration {

  @Bean
  VersionCommandHandler versionCommandHandler(Repository<RegisteredModel> models, Repository<ModelVersion> versions,
      EventStore events, VersionCommandHandler.GrantLookup grants, RegistryProperties props) {
    return new VersionCommandHandler(models, versions, events, grants,
        props.getProtectedAliases().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
  }
}
