package io.gatehouse.registry.model.infra;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code gatehouse.registry.*}. */
@ConfigurationProperties("gatehouse.registry")
public class RegistryProperties {

  /**
   * Aliases whose setting is a promotion: they may point only at a version approval-service promoted
   * to production (compared case-insensitively).
   */
  private List<String> protectedAliases = new ArrayList<>(List.of("production", "champion"));

  /** Where approval-service answers, for links to a version's approval case. */
  private String approvalBaseUrl = "http://127.0.0.1:8082";
  /** The policy whose latest published version sets the model card sections each tier requires. */
  private String policy = "default";

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public List<String> getProtectedAliases() {
    return protectedAliases;
  }

  public void setProtectedAliases(List<String> protectedAliases) {
    this.protectedAliases = protectedAliases;
  }

  public String getApprovalBaseUrl() {
    return approvalBaseUrl;
  }

  public void setApprovalBaseUrl(String approvalBaseUrl) {
    this.approvalBaseUrl = approvalBaseUrl;
  }
}
