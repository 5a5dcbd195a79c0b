package io.gatehouse.approval.rollout.api;

/** What a promotion did: the stage and phase entered, the traffic share, and the version it demoted. */
public record PromotionResult(String caseId, String modelName, int version, String stage, String phase,
    int trafficPercent, Integer demotedVersion) {}
