package io.gatehouse.registry.model.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A command refused by a rule of the registry; {@link #code()} names the rule. */
public class RegistryRuleViolation extends RuleViolation {

  public RegistryRuleViolation(String code, Kind kind, String message) {
    super(code, kind, message);
  }

  public static RegistryRuleViolation invalid(String code, String message) {
    return new RegistryRuleViolation(code, Kind.INVALID, message);
  }

  public static RegistryRuleViolation conflict(String code, String message) {
    return new RegistryRuleViolation(code, Kind.CONFLICT, message);
  }

  public static RegistryRuleViolation notFound(String code, String message) {
    return new RegistryRuleViolation(code, Kind.NOT_FOUND, message);
  }

  public static RegistryRuleViolation forbidden(String code, String message) {
    return new RegistryRuleViolation(code, Kind.FORBIDDEN, message);
  }

  public static RegistryRuleViolation tooLarge(String code, String message) {
    return new RegistryRuleViolation(code, Kind.TOO_LARGE, message);
  }

  /** The model does not exist (never registered, deleted, or renamed away). */
  public static RegistryRuleViolation modelNotFound(String name) {
    return notFound("model-not-found", "Registered Model with name=" + name + " not found");
  }

  /** The version does not exist (never created, or deleted). */
  public static RegistryRuleViolation versionNotFound(String name, int version) {
    return notFound("version-not-found", "Model Version (name=" + name + ", version=" + version + ") not found");
  }
}
