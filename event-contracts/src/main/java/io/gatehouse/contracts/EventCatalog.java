package io.gatehouse.contracts;

import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.RolloutPaused;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.monitoring.PerformanceDegraded;
import io.gatehouse.contracts.monitoring.PerformanceRecovered;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelTagSet;
import io.gatehouse.contracts.registry.ModelTagDeleted;
import io.gatehouse.contracts.registry.ModelRenamed;
import io.gatehouse.contracts.registry.ModelDeleted;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelAliasDeleted;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionStageTransitioned;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.validation.ValidationStarted;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;

/**
 * Every event type of the published language, with its CloudEvents type, publishing service and
 * JSON Schema. Adding an event means adding its class here; {@code EventCatalogTest} checks that each
 * entry is consistent (annotation, revision, schema present).
 */
public final class EventCatalog {

  private static final Pattern TYPE =
      Pattern.compile("io\\.gatehouse\\.(registry|approval|validation|monitoring)\\.([A-Z][A-Za-z]+)\\.v(\\d+)");

  /** One event type. */
  public record Entry(Class<? extends GatehouseEvent> javaType, String type, Service source, String revision) {

    /** The CloudEvents {@code dataschema} URI. */
    public String dataSchema() {
      return "urn:gatehouse:schema:" + type;
    }

    /** Classpath location of the JSON Schema. */
    public String schemaResource() {
      return "/schemas/" + type + ".json";
    }
  }

  private static final List<Class<? extends GatehouseEvent>> CLASSES = List.of(
      // registry-service
      ModelRegistered.class,
      RiskTierAssigned.class,
      ModelVersionSubmitted.class,
      ModelCardUpdated.class,
      ModelVersionRetired.class,
      ModelDescriptionUpdated.class,
      ModelTagSet.class,
      ModelTagDeleted.class,
      ModelRenamed.class,
      ModelDeleted.class,
      ModelAliasSet.class,
      ModelAliasDeleted.class,
      ModelVersionCreated.class,
      ModelVersionDescriptionUpdated.class,
      ModelVersionTagSet.class,
      ModelVersionTagDeleted.class,
      ModelVersionStageTransitioned.class,
      ModelVersionDeleted.class,
      ModelVersionEvaluationDataSet.class,
      ModelVersionLineageSet.class,
      // validation-service
      ValidationStarted.class,
      GatePassed.class,
      GateFailed.class,
      ValidationCompleted.class,
      // approval-service
      CaseOpened.class,
      SignOffRecorded.class,
      SignOffsVoided.class,
      ChangesRequested.class,
      ModelRejected.class,
      ModelApproved.class,
      ModelPromoted.class,
      RolloutPaused.class,
      ModelRolledBack.class,
      ApprovalSuspended.class,
      CaseReopened.class,
      CaseWithdrawn.class,
      RecertificationDue.class,
      ApprovalExpired.class,
      BreakGlassApproved.class,
      PolicyPublished.class,
      // monitoring-service
      DriftDetected.class,
      DriftResolved.class,
      PerformanceDegraded.class,
      PerformanceRecovered.class);

  private static final Map<Class<?>, Entry> BY_CLASS = new LinkedHashMap<>();
  private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

  static {
    for (Class<? extends GatehouseEvent> c : CLASSES) {
      Entry e = entryFor(c);
      if (BY_TYPE.put(e.type(), e) != null) {
        throw new IllegalStateException("Duplicate CloudEvents type " + e.type());
      }
      BY_CLASS.put(c, e);
    }
  }

  private EventCatalog() {}

  private static Entry entryFor(Class<? extends GatehouseEvent> c) {
    CloudEventType ce = c.getAnnotation(CloudEventType.class);
    Revision revision = c.getAnnotation(Revision.class);
    if (ce == null || revision == null) {
      throw new IllegalStateException(c.getName() + " needs @CloudEventType and @Revision");
    }
    Matcher m = TYPE.matcher(ce.value());
    if (!m.matches()) {
      throw new IllegalStateException(c.getName() + ": malformed CloudEvents type " + ce.value());
    }
    Service source = Service.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
    return new Entry(c, ce.value(), source, revision.value());
  }

  public static List<Entry> all() {
    return List.copyOf(BY_CLASS.values());
  }

  /** The entry of an event class; throws for a class outside the published language. */
  public static Entry of(Class<?> javaType) {
    Entry e = BY_CLASS.get(javaType);
    if (e == null) {
      throw new IllegalArgumentException(javaType.getName() + " is not a published Gatehouse event");
    }
    return e;
  }

  public static Optional<Entry> find(Class<?> javaType) {
    return Optional.ofNullable(BY_CLASS.get(javaType));
  }

  /** The CloudEvents types of these event classes (each must be a published Gatehouse event). */
  @SafeVarargs
  public static Set<String> typesOf(Class<? extends GatehouseEvent>... javaTypes) {
    return Arrays.stream(javaTypes).map(c -> of(c).type()).collect(Collectors.toUnmodifiableSet());
  }

  /** The entry of a CloudEvents type string, if it is one of ours. */
  public static Optional<Entry> byType(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }
}
