package io.gatehouse.contracts.registry;

import java.util.List;

/** The structured model card; a null section is a missing one. */
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
    List<String> owners) {}
