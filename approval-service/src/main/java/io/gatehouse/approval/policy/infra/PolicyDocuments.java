package io.gatehouse.approval.policy.infra;

import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import io.gatehouse.approval.policy.domain.InvalidPolicy;
import io.gatehouse.approval.policy.domain.InvalidPolicy.Problem;
import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.domain.Term;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.registry.CardRequirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * that are not ISO-8601 periods, duplicate gate ids, gate expressions that do not compile as CEL,
 * unknown model card sections.
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
    Map<String, Node> f = fields(m, Set.of("gates", "signoffs", "approval_valid_for", "recertify_before", "break_glass_review", "rollout", "drift",
        "card"), problems);
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
    Term validity = term(f.get("approval_valid_for"), "approval_valid_for", m, problems, true);
    Term recertifyBefore = f.containsKey("recertify_before")
        ? term(f.get("recertify_before"), "recertify_before", m, problems, true) : TierPolicy.DEFAULT_RECERTIFY_BEFORE;
    Term review = f.containsKey("break_glass_review")
        ? term(f.get("break_glass_review"), "break_glass_review", m, problems, true)
        : TierPolicy.DEFAULT_BREAK_GLASS_REVIEW;
    List<TierPolicy.RolloutPhase> rollout = f.containsKey("rollout")
        ? rollout(f.get("rollout"), tier, problems) : TierPolicy.DEFAULT_ROLLOUT;
    if (f.containsKey("card")) {
      card(f.get("card"), tier, problems);
    }
    TierPolicy.DriftPolicy drift = f.containsKey("drift")
        ? drift(f.get("drift"), tier, problems) : TierPolicy.DriftPolicy.ALERT_ONLY;
    return problems.size() == before ? new TierPolicy(List.copyOf(gates), List.copyOf(signOffs), validity,
        recertifyBefore, review, rollout, drift) : null;
  }

  private static Term term(Node node, String what, Node parent, List<Problem> problems, boolean positive) {
    String text = scalar(node, what, parent, problems);
    if (text == null) {
      return null;
    }
    try {
      Term t = Term.parse(text);
      if (positive && !t.isPositive()) {
        problems.add(new Problem(line(node), what + " must be positive"));
      }
      return t;
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(new Problem(line(node),
          what + " '" + text + "' is not an ISO-8601 period such as P180D or a duration such as PT12H"));
      return null;
    }
  }

  private static List<TierPolicy.RolloutPhase> rollout(Node node, String tier, List<Problem> problems) {
    List<TierPolicy.RolloutPhase> phases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int previous = -1;
    for (Node p : sequence(node, tier + ".rollout", problems)) {
      if (!(p instanceof MappingNode pm)) {
        problems.add(new Problem(line(p), "a rollout phase is a mapping {phase, traffic}"));
        continue;
      }
      Map<String, Node> pf = fields(pm, Set.of("phase", "traffic"), problems);
      String name = scalar(pf.get("phase"), "phase", pm, problems);
      int traffic = integer(pf.get("traffic"), "traffic", pm, problems, 0);
      if (name != null && !name.matches("[a-z][a-z0-9-]{0,31}")) {
        problems.add(new Problem(line(pf.get("phase")), "phase name '" + name + "' must be lowercase letters, digits and -"));
      } else if (name != null && !names.add(name)) {
        problems.add(new Problem(line(pf.get("phase")), "phase " + name + " appears twice in " + tier + ".rollout"));
      }
      if (traffic > 100) {
        problems.add(new Problem(line(pf.get("traffic")), "traffic is a percentage, at most 100, was " + traffic));
      } else if (traffic < previous) {
        problems.add(new Problem(line(pf.get("traffic")),
            "traffic must not fall from one phase to the next (" + previous + " then " + traffic + ")"));
      }
      previous = Math.max(previous, traffic);
      phases.add(new TierPolicy.RolloutPhase(name, traffic));
    }
    for (int i = 0; i < phases.size() - 1; i++) {
      if (phases.get(i).traffic() >= 100) {
        problems.add(new Problem(line(node), "only the last phase of " + tier + ".rollout may carry traffic 100; "
            + phases.get(i).phase() + " does"));
      }
    }
    if (phases.isEmpty()) {
      problems.add(new Problem(line(node), tier + ".rollout names no phase"));
    } else if (phases.get(phases.size() - 1).traffic() != 100) {
      problems.add(new Problem(line(node), "the last phase of " + tier + ".rollout must carry traffic 100"));
    }
    return List.copyOf(phases);
  }

  private static TierPolicy.DriftPolicy drift(Node node, String tier, List<Problem> problems) {
    if (!(node instanceof MappingNode dm)) {
      problems.add(new Problem(line(node), tier + ".drift must be a mapping such as {psi: {warn: 0.1, act: 0.25}, on_act: SUSPEND}"));
      return TierPolicy.DriftPolicy.ALERT_ONLY;
    }
    Map<String, Node> df = fields(dm, Set.of("psi", "ks", "js", "on_act", "window"), problems);
    if (df.containsKey("window")) {
      window(df.get("window"), tier, problems);
    }
    Map<String, TierPolicy.DriftPolicy.Thresholds> thresholds = new LinkedHashMap<>();
    for (String statistic : List.of("psi", "ks", "js")) {
      Node t = df.get(statistic);
      if (t == null) {
        continue;
      }
      if (!(t instanceof MappingNode tm)) {
        problems.add(new Problem(line(t), tier + ".drift." + statistic + " must be a mapping {warn, act}"));
        continue;
      }
      Map<String, Node> tf = fields(tm, Set.of("warn", "act"), problems);
      double warn = number(tf.get("warn"), statistic + ".warn", tm, problems);
      double act = number(tf.get("act"), statistic + ".act", tm, problems);
      if (act < warn) {
        problems.add(new Problem(line(tm), tier + ".drift." + statistic + ": act (" + act + ") is below warn (" + warn + ")"));
      }
      thresholds.put(statistic, new TierPolicy.DriftPolicy.Thresholds(warn, act));
    }
    TierPolicy.DriftAction onAct = TierPolicy.DriftAction.ALERT;
    String action = df.containsKey("on_act") ? scalar(df.get("on_act"), "on_act", dm, problems) : null;
    if (action != null) {
      try {
        onAct = TierPolicy.DriftAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(line(df.get("on_act")), "on_act '" + action + "' is not one of ALERT, SUSPEND, ROLLBACK"));
      }
    }
    return new TierPolicy.DriftPolicy(Map.copyOf(thresholds), onAct);
  }

  /**
   * {@code window: {duration: PT15M, observations: 10000}}, the drift windows of the tier
   * (monitoring-service reads it; a window closes at whichever comes first). Only checked here.
   */
  private static void window(Node node, String tier, List<Problem> problems) {
    String what = tier + ".drift.window";
    if (!(node instanceof MappingNode wm)) {
      problems.add(new Problem(line(node), what + " must be a mapping such as {duration: PT15M, observations: 10000}"));
      return;
    }
    Map<String, Node> wf = fields(wm, Set.of("duration", "observations"), problems);
    if (wf.isEmpty()) {
      problems.add(new Problem(line(wm), what + " needs a duration, a number of observations, or both"));
    }
    if (wf.containsKey("duration")) {
      String text = scalar(wf.get("duration"), what + ".duration", wm, problems);
      if (text != null) {
        try {
          java.time.Duration d = java.time.Duration.parse(text);
          if (d.isNegative() || d.isZero()) {
            problems.add(new Problem(line(wf.get("duration")), what + ".duration must be positive, was " + text));
          }
        } catch (java.time.format.DateTimeParseException e) {
          problems.add(new Problem(line(wf.get("duration")),
              what + ".duration '" + text + "' is not an ISO-8601 duration such as PT15M or PT1H"));
        }
      }
    }
    if (wf.containsKey("observations")) {
      integer(wf.get("observations"), what + ".observations", wm, problems, 1);
    }
  }

  /**
   * {@code card: {required_sections: [intendedUse, owners, ...]}}: the model card sections the tier
   * requires (wire names, {@link CardRequirements#SECTIONS}); registry and validation read it, here it is
   * only checked.
   */
  private static void card(Node node, String tier, List<Problem> problems) {
    if (!(node instanceof MappingNode cm)) {
      problems.add(new Problem(line(node), tier + ".card must be a mapping such as {required_sections: [intendedUse, owners]}"));
      return;
    }
    Map<String, Node> cf = fields(cm, Set.of("required_sections"), problems);
    Node sections = cf.get("required_sections");
    if (sections == null) {
      problems.add(new Problem(line(cm), tier + ".card.required_sections is missing"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Node s : sequence(sections, tier + ".card.required_sections", problems)) {
      String name = s instanceof ScalarNode sc ? sc.getValue() : null;
      if (name == null || !CardRequirements.SECTIONS.contains(name)) {
        problems.add(new Problem(line(s), "unknown card section " + (name == null ? "(not a name)" : "'" + name + "'")
            + " in " + tier + ".card.required_sections; sections are " + CardRequirements.SECTIONS));
      } else if (!seen.add(name)) {
        problems.add(new Problem(line(s), "card section " + name + " appears twice in " + tier + ".card.required_sections"));
      }
    }
  }

  private static double number(Node node, String what, Node parent, List<Problem> problems) {
    String text = scalar(node, what, parent, problems);
    if (text == null) {
      return 0;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v < 0) {
        problems.add(new Problem(line(node), what + " must be a non-negative number, was " + text));
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(new Problem(line(node), what + " must be a number, was '" + text + "'"));
      return 0;
    }
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
