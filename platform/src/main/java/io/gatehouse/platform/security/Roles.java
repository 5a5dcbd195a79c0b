package io.gatehouse.platform.security;

import java.util.List;

/** Role names as they appear in tokens (without Spring's {@code ROLE_} prefix). */
public final class Roles {

  public static final String ENGINEERING = "ENGINEERING";
  public static final String PRODUCT = "PRODUCT";
  public static final String LEGAL = "LEGAL";
  public static final String ETHICS = "ETHICS";
  public static final String MODEL_RISK = "MODEL_RISK";
  public static final String PLATFORM = "PLATFORM";
  public static final String GOVERNANCE_ADMIN = "GOVERNANCE_ADMIN";
  public static final String AUDITOR = "AUDITOR";
  /** Machine clients (client-credentials tokens of other services and pipelines). */
  public static final String SERVICE = "SERVICE";

  /** The governance roles of people. */
  public static final List<String> GOVERNANCE = List.of(
      ENGINEERING, PRODUCT, LEGAL, ETHICS, MODEL_RISK, PLATFORM, GOVERNANCE_ADMIN, AUDITOR);

  /** Every role a token may carry that Gatehouse knows. */
  public static final List<String> ALL = List.of(
      ENGINEERING, PRODUCT, LEGAL, ETHICS, MODEL_RISK, PLATFORM, GOVERNANCE_ADMIN, AUDITOR, SERVICE);

  private Roles() {}
}
