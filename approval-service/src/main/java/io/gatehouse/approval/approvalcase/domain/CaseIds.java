package io.gatehouse.approval.approvalcase.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One case per model version: its id is derived from the model name and version number. */
public final class CaseIds {

  private CaseIds() {}

  public static String of(String modelName, int version) {
    return UUID.nameUUIDFromBytes(("approval-case:" + modelName + ":" + version).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
