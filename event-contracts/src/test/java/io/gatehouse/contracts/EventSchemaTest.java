package io.gatehouse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.EventCatalog.Entry;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.ValidationCompleted;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What producers write validates against the published schema, and reads back unchanged. */
class EventSchemaTest {

  private static final JsonMapper JSON = EventJson.mapper();

  static List<Entry> entries() {
    return EventCatalog.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void sampleValidatesAndRoundTrips(Entry entry) {
    GatehouseEvent sample = SampleEvents.of(entry.javaType());
    String wire = JSON.writeValueAsString(sample);

    assertThat(Schemas.validate(entry, JSON.readTree(wire))).as(wire).isEmpty();
    assertThat(JSON.readValue(wire, entry.javaType())).isEqualTo(sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void rejectsADocumentMissingARequiredProperty(Entry entry) {
    ObjectNode valid = (ObjectNode) JSON.valueToTree(SampleEvents.of(entry.javaType()));
    List<String> required = Schemas.node(entry).path("required").valueStream().map(JsonNode::asString).toList();
    assertThat(required).isNotEmpty();
    for (String property : required) {
      ObjectNode broken = valid.deepCopy();
      broken.remove(property);
      assertThat(Schemas.validate(entry, broken)).as("without %s", property).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void rejectsAPropertyOfTheWrongType(Entry entry) {
    ObjectNode valid = (ObjectNode) JSON.valueToTree(SampleEvents.of(entry.javaType()));
    for (String property : valid.propertyNames()) {
      ObjectNode broken = valid.deepCopy();
      if (valid.path(property).isArray()) {
        broken.put(property, "not-an-array");
      } else {
        broken.putArray(property).add(1);
      }
      assertThat(Schemas.validate(entry, broken)).as("%s of the wrong type", property).isNotEmpty();
    }
  }

  @Test
  void rejectsAnUnknownPropertyAMalformedDigestAndAMalformedInstant() {
    Entry entry = EventCatalog.of(ModelVersionSubmitted.class);
    ObjectNode valid = (ObjectNode) JSON.valueToTree(SampleEvents.modelVersionSubmitted());

    ObjectNode extra = valid.deepCopy();
    extra.put("approvedBy", "mallory@bank.example");
    assertThat(Schemas.validate(entry, extra)).isNotEmpty();

    ObjectNode badDigest = valid.deepCopy();
    ((ObjectNode) badDigest.path("artifact")).put("sha256", "C7C5C1D7");
    assertThat(Schemas.validate(entry, badDigest)).isNotEmpty();

    ObjectNode badInstant = valid.deepCopy();
    badInstant.put("submittedAt", "11/03/2025 09:30");
    assertThat(Schemas.validate(entry, badInstant)).isNotEmpty();

    ObjectNode badEnum = valid.deepCopy();
    badEnum.put("riskTier", "VERY_HIGH");
    assertThat(Schemas.validate(entry, badEnum)).isNotEmpty();
  }

  @Test
  void rejectsAContactWithNeitherNameNorAddressAndANonNumericDeclaredMetric() {
    Entry entry = EventCatalog.of(ModelVersionSubmitted.class);
    ObjectNode valid = (ObjectNode) JSON.valueToTree(SampleEvents.modelVersionSubmitted());
    assertThat(Schemas.validate(entry, valid)).isEmpty();

    ObjectNode anonymous = valid.deepCopy();
    ((ObjectNode) anonymous.path("modelCard").path("contacts").path(0)).putNull("name").putNull("address");
    assertThat(Schemas.validate(entry, anonymous)).isNotEmpty();

    ObjectNode textValue = valid.deepCopy();
    ((ObjectNode) textValue.path("modelCard").path("declaredMetrics").path(0)).put("value", "0.87");
    assertThat(Schemas.validate(entry, textValue)).isNotEmpty();
  }

  @Test
  void rejectsAHistogramWhoseShapeDoesNotFitItsKind() {
    Entry entry = EventCatalog.of(ValidationCompleted.class);
    ObjectNode doc = (ObjectNode) JSON.valueToTree(SampleEvents.validationCompleted());
    ObjectNode numeric = (ObjectNode) doc.path("referenceProfile").path(0);
    numeric.putArray("categories").add("unexpected");
    assertThat(Schemas.validate(entry, doc)).isNotEmpty();
  }

  @Test
  void nullableFieldsTravelAsExplicitNulls() {
    Entry entry = EventCatalog.of(ModelRegistered.class);
    ModelRegistered withoutDescription = new ModelRegistered("churn", null, "crm-ml", List.of(),
        SampleEvents.modelRegistered().riskProfile(), "LOW", "alice@bank.example", SampleEvents.T0);
    JsonNode doc = JSON.valueToTree(withoutDescription);

    assertThat(doc.has("description")).isTrue();
    assertThat(doc.path("description").isNull()).isTrue();
    assertThat(Schemas.validate(entry, doc)).isEmpty();
  }

  @Test
  void aSubmissionMayLeaveCardLineageAndEvaluationDataForLater() {
    Entry entry = EventCatalog.of(ModelVersionSubmitted.class);
    ModelVersionSubmitted full = SampleEvents.modelVersionSubmitted();
    ModelVersionSubmitted bare = new ModelVersionSubmitted(full.modelName(), full.version(), full.artifact(),
        null, null, null, full.riskTier(), full.submittedBy(), full.authors(), full.submittedAt());

    assertThat(Schemas.validate(entry, JSON.valueToTree(bare))).isEmpty();
    assertThat(JSON.readValue(JSON.writeValueAsBytes(bare), ModelVersionSubmitted.class)).isEqualTo(bare);
  }

  @Test
  void modelEventsAreKeyedByModelAndVersionedSubjects() {
    for (Entry entry : EventCatalog.all()) {
      GatehouseEvent event = SampleEvents.of(entry.javaType());
      if (event instanceof ModelVersionEvent e) {
        assertThat(e.partitionKey()).isEqualTo(e.modelName()).isEqualTo(SampleEvents.MODEL);
        assertThat(e.subject()).isEqualTo("models/" + e.modelName() + "/versions/" + e.version());
      } else if (event instanceof ModelEvent e) {
        assertThat(e.partitionKey()).isEqualTo(e.modelName()).isEqualTo(SampleEvents.MODEL);
        assertThat(e.subject()).isEqualTo("models/" + e.modelName());
      } else {
        assertThat(event).isInstanceOf(PolicyPublished.class);
      }
    }
  }

  @Test
  void rolledBackSubjectNamesTheVersionTakenOutOfService() {
    ModelRolledBack rollback = SampleEvents.modelRolledBack();
    assertThat(rollback.version()).isEqualTo(rollback.fromVersion()).isNotEqualTo(rollback.toVersion());
    assertThat(rollback.subject()).isEqualTo("models/credit-default/versions/4");
    assertThat(JSON.valueToTree(rollback).has("version")).isFalse();
  }

  @Test
  void policyEventsAreKeyedByPolicy() {
    PolicyPublished policy = SampleEvents.policyPublished();
    assertThat(policy.partitionKey()).isEqualTo("default");
    assertThat(policy.subject()).isEqualTo("policies/default/versions/3");
    assertThat(policy.documentSha256()).isEqualTo(SampleEvents.sha256(policy.document()));
  }
}
