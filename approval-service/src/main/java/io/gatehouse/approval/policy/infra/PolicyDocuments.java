package io.gatehouse.approval.policy.infra;

import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import io.gatehouse.approval.policy.domain.InvalidPolicy;
import io.gatehouse.approval.policy.domain.InvalidPolicy.Problem;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.RequiredSignOff;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks policy documents (YAML, the shape of DESIGN.md "Policy"). Everything wrong is
 * reported at once, each with the line at fault: unknown tiers and roles, quorums below 1, durations
 * that are not ISO-8601 periods, duplicate gate ids, gate expressions that do not compile as CEL.
 */
public final class PolicyDocuments {

  /** Roles that may be asked to sign off a case. */
  public static final Set<String> SIGN_OFF_ROLES = Set.of("ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK");
  public static final Set<String> TIERS = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  /** Largest document accepted. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("metrics", SimpleType.DYN)
      .addVar("fairness", SimpleType.DYN)
      .addVar("card", SimpleType.DYN)
      .addVar("declared", SimpleType.DYN)
      .build();

  private PolicyDocuments() {}

  /** The policy shipped with the service. */
  public static String shippedDefaultDocument() {
    try (InputStream in = new ClassPathResource("policies/default.yaml").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Policy shippedDefault() {
    return parse(shippedDefaultDocument());
  }

  /** Parses and checks a document; throws {@link InvalidPolicy} listing every problem. */
  public static Policy parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidPolicy(List.of(new Problem(0, "the document is empty")));
    }
    if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidPolicy(List.of(new Problem(0, "the document is larger than " + MAX_BYTES + " bytes")));
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
          new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
          .compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new InvalidPolicy(List.of(new Problem(line, "not valid YAML: " + e.getProblem())));
    }
    List<Problem> problems = new ArrayList<>();
    if (!(root instanceof MappingNode top)) {
      throw new InvalidPolicy(List.of(new Problem(1, "the document must be a mapping with policy, version and tiers")));
    }
    Map<String, Node> fields = fields(top, Set.of("policy", "version", "tiers"), problems);
    String name = scalar(fields.get("policy"), "policy", top, problems);
    if (name != null && !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      problems.add(new Problem(line(fields.get("policy")), "policy name must be lowercase letters, digits and -"));
    }
    int version = integer(fields.get("version"), "version", top, problems, 1);
    Map<String, TierPolicy> tiers = new LinkedHashMap<>();
    Node tiersNode = fields.get("tiers");
    if (!(tiersNode instanceof MappingNode tm)) {
      problems.add(new Problem(tiersNode == null ? line(top) : line(tiersNode), "tiers must be a mapping of tier to requirements"));
    } else {
      for (NodeTuple t : tm.getValue()) {
        String tier = ((ScalarNode) t.getKeyNode()).getValue();
        if (!TIERS.contains(tier)) {
          problems.add(new Problem(line(t.getKeyNode()), "unknown tier " + tier + "; tiers are " + sorted(TIERS)));
          continue;
        }
        TierPolicy p = tier(t.getValueNode(), tier, problems);
        if (p != null) {
          tiers.put(tier, p);
        }
      }
      if (tiers.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(line(tm), "the policy defines no tier"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicy(problems);
    }
    return new Policy(name, version, tiers);
  }

  private static TierPolicy tier(Node node, String tier, List<Problem> problems) {
    if (!(node instanceof MappingNode m)) {
      problems.add(new Problem(line(node), tier + " must be a mapping with gates, signoffs and approval_valid_for"));
      return null;
    }
    int before = problems.size();
    Map<String, Node> f = fields(m, Set.of("gates", "signoffs", "approval_valid_for", "rollout", "drift"), problems);
    List<TierPolicy.Gate> gates = new ArrayList<>();
    Set<String> gateIds = new HashSet<>();
    for (Node g : sequence(f.get("gates"), tier + ".gates", problems)) {
      if (!(g instanceof MappingNode gm)) {
        problems.add(new Problem(line(g), "a gate is a mapping {id, expr}"));
        continue;
      }
      Map<String, Node> gf = fields(gm, Set.of("id", "expr"), problems);
      String id = scalar(gf.get("id"), "gate id", gm, problems);
      String expr = scalar(gf.get("expr"), "gate expr", gm, problems);
      if (id != null && !gateIds.add(id)) {
        problems.add(new Problem(line(gf.get("id")), "gate id " + id + " appears twice in " + tier));
      }
      if (expr != null) {
        CelValidationResult compiled = CEL.compile(expr);
        if (compiled.hasError()) {
          problems.add(new Problem(line(gf.get("expr")), "gate " + id + ": the expression does not compile: "
              + compiled.getErrors().get(0).getMessage()));
        }
      }
      gates.add(new TierPolicy.Gate(id, expr));
    }
    List<RequiredSignOff> signOffs = new ArrayList<>();
    Set<String> roles = new HashSet<>();
    for (Node s : sequence(f.get("signoffs"), tier + ".signoffs", problems)) {
      if (!(s instanceof MappingNode sm)) {
        problems.add(new Problem(line(s), "a sign-off is a mapping {role, quorum}"));
        continue;
      }
      Map<String, Node> sf = fields(sm, Set.of("role", "quorum"), problems);
      String role = scalar(sf.get("role"), "role", sm, problems);
      int quorum = sf.containsKey("quorum") ? integer(sf.get("quorum"), "quorum", sm, problems, 1) : 1;
      if (role != null && !SIGN_OFF_ROLES.contains(role)) {
        problems.add(new Problem(line(sf.get("role")), "unknown role " + role + "; sign-off roles are "
            + sorted(SIGN_OFF_ROLES)));
      } else if (role != null && !roles.add(role)) {
        problems.add(new Problem(line(sf.get("role")), "role " + role + " appears twice in " + tier));
      }
      signOffs.add(new RequiredSignOff(role, quorum));
    }
    if (signOffs.isEmpty() && f.containsKey("signoffs")) {
      problems.add(new Problem(line(f.get("signoffs")), tier + " requires no sign-off; name at least one role"));
    }
    Period validity = null;
    String validFor = scalar(f.get("approval_valid_for"), "approval_valid_for", m, problems);
    if (validFor != null) {
      try {
        validity = Period.parse(validFor);
        if (validity.isNegative() || validity.isZero()) {
          problems.add(new Problem(line(f.get("approval_valid_for")), "approval_valid_for must be positive"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem(line(f.get("approval_valid_for")),
            "approval_valid_for '" + validFor + "' is not an ISO-8601 period such as P180D"));
      }
    }
    return problems.size() == before ? new TierPolicy(List.copyOf(gates), List.copyOf(signOffs), validity) : null;
  }

  private static Map<String, Node> fields(MappingNode m, Set<String> known, List<Problem> problems) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
      if (!known.contains(key)) {
        problems.add(new Problem(line(t.getKeyNode()), "unknown field '" + key + "'; expected one of " + sorted(known)));
      }
      fields.put(key, t.getValueNode());
    }
    return fields;
  }

  private static List<Node> sequence(Node node, String what, List<Problem> problems) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    problems.add(new Problem(line(node), what + " must be a list"));
    return List.of();
  }

  private static String scalar(Node node, String what, Node parent, List<Problem> problems) {
    if (node == null) {
      problems.add(new Problem(line(parent), what + " is missing"));
      return null;
    }
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      problems.add(new Problem(line(node), what + " must be a non-empty value"));
      return null;
    }
    return s.getValue();
  }

  private static int integer(Node node, String what, Node parent, List<Problem> problems, int min) {
    String text = scalar(node, what, parent, problems);
    if (text == null) {
      return min;
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min) {
        problems.add(new Problem(line(node), what + " must be at least " + min + ", was " + v));
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(new Problem(line(node), what + " must be a whole number, was '" + text + "'"));
      return min;
    }
  }

  private static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
