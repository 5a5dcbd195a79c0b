package io.gatehouse.monitoring.alertmanager.domain;

import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4 (the {@code webhook_config} receiver): one notification
 * for a group of alerts. Each alert has its own status; the group's status is "firing" while any
 * of them fires.
 */
public record AlertmanagerPayload(String version, String groupKey, Integer truncatedAlerts, String status,
    String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
    Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {

  /** One alert of the group. {@code endsAt} is 0001-01-01T00:00:00Z while it fires without an end. */
  public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
      String endsAt, String generatorURL, String fingerprint) {}
}
