package io.gatehouse.monitoring.monitoredversion.domain;

/** One monitored version per model version; the id is readable, model names hold no ':'. */
public final class MonitoredVersionIds {

  private MonitoredVersionIds() {}

  public static String of(String modelName, int version) {
    return "monitored:" + modelName + ":" + version;
  }
}
