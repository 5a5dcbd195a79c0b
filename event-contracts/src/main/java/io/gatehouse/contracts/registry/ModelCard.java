package io.gatehouse.contracts.registry;

import java.util.List;

/**
 * The structured model card; a null section is a missing one.
 *
 * <p>The first ten components are the card's sections, named as {@code missingSections} names them.
 * {@code declaredMetrics} (the figures the authors claim, e.g. from a Hugging Face {@code model-index})
 * and {@code contacts} (where to ask) were added in revision 2 of the events that carry a card; a
 * reader of a revision-1 document gets empty lists, never null.
 */
public record ModelCard(
    String intendedUse,
    String outOfScopeUse,
    String usersAffected,
    String trainingData,
    String evaluationData,
    String metrics,
    String fairnessConsiderations,
    String limitations,
    String ethicalConsiderations,
    List<String> owners,
    List<DeclaredMetric> declaredMetrics,
    List<Contact> contacts) {

  public ModelCard {
    owners = owners == null ? List.of() : List.copyOf(owners);
    declaredMetrics = declaredMetrics == null ? List.of() : List.copyOf(declaredMetrics);
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }
}
