package io.gatehouse.approval.policy.infra;

import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.RequiredSignOff;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads policy documents (YAML, the shape of DESIGN.md "Policy"). */
public final class PolicyDocuments {

  private PolicyDocuments() {}

  /** The policy shipped with the service. */
  public static Policy shippedDefault() {
    try (InputStream in = new ClassPathResource("policies/default.yaml").getInputStream()) {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Policy parse(String yaml) {
    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    Map<String, TierPolicy> tiers = new LinkedHashMap<>();
    Map<String, Object> tierDocs = (Map<String, Object>) doc.get("tiers");
    for (Map.Entry<String, Object> t : tierDocs.entrySet()) {
      Map<String, Object> tier = (Map<String, Object>) t.getValue();
      List<TierPolicy.Gate> gates = new ArrayList<>();
      for (Map<String, Object> g : (List<Map<String, Object>>) tier.getOrDefault("gates", List.of())) {
        gates.add(new TierPolicy.Gate((String) g.get("id"), (String) g.get("expr")));
      }
      List<RequiredSignOff> signOffs = new ArrayList<>();
      for (Map<String, Object> s : (List<Map<String, Object>>) tier.getOrDefault("signoffs", List.of())) {
        Object quorum = s.getOrDefault("quorum", 1);
        signOffs.add(new RequiredSignOff((String) s.get("role"), ((Number) quorum).intValue()));
      }
      tiers.put(t.getKey(), new TierPolicy(List.copyOf(gates), List.copyOf(signOffs),
          Period.parse((String) tier.get("approval_valid_for"))));
    }
    return new Policy((String) doc.get("policy"), ((Number) doc.get("version")).intValue(), tiers);
  }
}
