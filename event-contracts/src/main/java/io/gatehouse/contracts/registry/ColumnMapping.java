package io.gatehouse.contracts.registry;

import java.util.List;

/** Which columns of the evaluation data hold the label, the prediction, the score, groups and features. */
public record ColumnMapping(
    String label, String prediction, String score, List<String> groups, List<String> features) {}
