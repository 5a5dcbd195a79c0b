package io.gatehouse.validation.gates.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates gate expressions (CEL) over a report's {@code metrics}, {@code groups},
 * {@code fairness}, and the version's {@code card} and {@code declared} figures. Every value the
 * expression reads that is a number (or the size of a list) is recorded as observed. An expression
 * that does not compile, fails to evaluate (a metric that is undefined, a missing key, a type error)
 * or gives no boolean fails its gate, and the reason says why, quoting the reason of each undefined
 * metric it refers to.
 */
public final class GateEvaluator {

  static final Set<String> VARIABLES = Set.of("metrics", "groups", "fairness", "card", "declared");

  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setOptions(OPTIONS)
      .addVar("metrics", SimpleType.DYN)
      .addVar("groups", SimpleType.DYN)
      .addVar("fairness", SimpleType.DYN)
      .addVar("card", SimpleType.DYN)
      .addVar("declared", SimpleType.DYN)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  private GateEvaluator() {}

  /**
   * @param report the report tree ({@code metrics}, {@code groups}, {@code fairness}, {@code undefined})
   * @param card {@code missing_sections} and the like; empty when the version has no card
   * @param declared the submitter's declared figures; empty when none
   */
  @SuppressWarnings("unchecked")
  public static List<GateResult> evaluate(List<Gate> gates, Map<String, Object> report, Map<String, Object> card,
      Map<String, Object> declared) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("metrics", report.get("metrics"));
    vars.put("groups", report.get("groups"));
    vars.put("fairness", report.get("fairness"));
    vars.put("card", card);
    vars.put("declared", declared);
    Map<String, String> undefined = (Map<String, String>) report.getOrDefault("undefined", Map.of());
    List<GateResult> results = new ArrayList<>();
    for (Gate g : gates) {
      results.add(evaluate(g, vars, undefined));
    }
    return results;
  }

  /** Every gate fails for the same reason, reading nothing (the data could not be evaluated). */
  public static List<GateResult> failAll(List<Gate> gates, String reason) {
    return gates.stream().map(g -> new GateResult(g.id(), g.expression(), false, List.of(), reason)).toList();
  }

  private static GateResult evaluate(Gate g, Map<String, Object> vars, Map<String, String> undefined) {
    CelValidationResult compiled = COMPILER.compile(g.expression());
    if (compiled.hasError()) {
      return new GateResult(g.id(), g.expression(), false, List.of(),
          "the expression does not compile: " + compiled.getErrors().get(0).getMessage());
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = compiled.getAst();
    } catch (Exception e) {
      return new GateResult(g.id(), g.expression(), false, List.of(), "the expression does not compile: " + e.getMessage());
    }
    Map<String, Double> observed = new LinkedHashMap<>();
    Object result;
    try {
      CelRuntime.Program program = RUNTIME.createProgram(ast);
      result = program.trace(vars, (expr, value) -> observe(expr, value, observed));
    } catch (CelEvaluationException | RuntimeException e) {
      return new GateResult(g.id(), g.expression(), false, list(observed), failure(ast.getExpr(), e, undefined));
    }
    if (!(result instanceof Boolean passed)) {
      return new GateResult(g.id(), g.expression(), false, list(observed),
          "the expression gives " + result + ", not true or false");
    }
    return new GateResult(g.id(), g.expression(), passed, list(observed),
        passed ? null : "the expression is false" + describe(observed));
  }

  private static String describe(Map<String, Double> observed) {
    if (observed.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" with ");
    observed.forEach((k, v) -> sb.append(k).append(" = ").append(v).append(", "));
    return sb.substring(0, sb.length() - 2);
  }

  private static List<GateResult.Observed> list(Map<String, Double> observed) {
    return observed.entrySet().stream().map(e -> new GateResult.Observed(e.getKey(), e.getValue())).toList();
  }

  private static void observe(CelExpr expr, Object value, Map<String, Double> observed) {
    String name = null;
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("size")) {
      CelExpr arg = expr.call().target().orElse(expr.call().args().isEmpty() ? null : expr.call().args().get(0));
      String inner = arg == null ? null : path(arg);
      name = inner == null ? null : "size(" + inner + ")";
    } else {
      name = path(expr);
    }
    if (name == null || name.indexOf('.') < 0) {
      return;
    }
    if (value instanceof Number n && !observed.containsKey(name)) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        observed.put(name, d);
      }
    }
  }

  /** The dotted name of a field selection or constant-string index rooted at a variable, else null. */
  static String path(CelExpr e) {
    switch (e.getKind()) {
      case IDENT:
        return VARIABLES.contains(e.ident().name()) ? e.ident().name() : null;
      case SELECT: {
        String p = path(e.select().operand());
        return p == null ? null : p + "." + e.select().field();
      }
      case CALL: {
        if (e.call().function().equals("_[_]") && e.call().args().size() == 2
            && e.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && e.call().args().get(1).constant().getKind() == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE) {
          String p = path(e.call().args().get(0));
          return p == null ? null : p + "." + e.call().args().get(1).constant().stringValue();
        }
        return null;
      }
      default:
        return null;
    }
  }

  private static String failure(CelExpr root, Exception e, Map<String, String> undefined) {
    Set<String> referenced = new LinkedHashSet<>();
    collect(root, referenced);
    List<String> why = new ArrayList<>();
    for (String name : referenced) {
      if (undefined.containsKey(name)) {
        why.add(name + " is undefined: " + undefined.get(name));
      }
    }
    if (!why.isEmpty()) {
      return String.join("; ", why);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "the expression could not be evaluated: " + message.replaceFirst("^evaluation error[^:]*: ", "");
  }

  private static void collect(CelExpr e, Set<String> into) {
    String p = path(e);
    if (p != null && p.indexOf('.') > 0) {
      into.add(p);
      return;
    }
    switch (e.getKind()) {
      case SELECT -> collect(e.select().operand(), into);
      case CALL -> {
        e.call().target().ifPresent(t -> collect(t, into));
        e.call().args().forEach(a -> collect(a, into));
      }
      case LIST -> e.list().elements().forEach(a -> collect(a, into));
      case COMPREHENSION -> {
        collect(e.comprehension().iterRange(), into);
        collect(e.comprehension().loopStep(), into);
        collect(e.comprehension().result(), into);
      }
      default -> { }
    }
  }

  static Collection<String> variables() {
    return VARIABLES;
  }
}
