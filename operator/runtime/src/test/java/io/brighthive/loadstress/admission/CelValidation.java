package io.brighthive.loadstress.admission;

import static io.brighthive.loadstress.admission.FieldError.Layer.CEL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.Program;
import io.brighthive.loadstress.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The x-kubernetes-validations layer. Every rule is compiled once, against the CEL type that
 * Kubernetes derives for its schema node, with the Kubernetes CEL options (homogeneous aggregate
 * literals, cross-type numeric comparisons, optional types, partial-match {@code matches()}; the
 * strings, sets, bindings and two-variable comprehension libraries). A rule that does not compile
 * makes the constructor throw, as the API server would refuse the CRD. Evaluation walks the object as
 * {@code apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go} does.
 */
final class CelValidation {
  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHomogeneousLiterals(true)
      .enableHeterogeneousNumericComparisons(true)
      .enableOptionalSyntax(true)
      .enableRegexPartialMatch(true)
      .build();

  private final CelTypes types = new CelTypes();
  private final Cel base;
  private final RuleNode root;
  private final List<RuleNode.Rule> rules = new ArrayList<>();

  CelValidation(JsonNode openApiV3Schema) {
    this.base = CelFactory.standardCelBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.bindings(),
            CelExtensions.optional(), CelExtensions.comprehensions())
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.optional(),
            CelExtensions.comprehensions())
        .setTypeProvider(types)
        .build();
    this.root = build(openApiV3Schema, "", true, true);
  }

  /** Every compiled rule, identified as {@code <schema path>: <rule>}. */
  List<String> ruleIds() {
    return rules.stream().map(RuleNode.Rule::id).toList();
  }

  List<FieldError> validate(JsonNode object, JsonNode oldObject) {
    List<FieldError> errors = new ArrayList<>();
    if (root != null) {
      root.validate(object, oldObject, "", errors);
    }
    return errors;
  }

  private RuleNode build(JsonNode schema, String path, boolean resourceRoot, boolean correlatable) {
    CelType type = types.declType(schema, path, resourceRoot);
    List<RuleNode.Rule> nodeRules = new ArrayList<>();
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      nodeRules.add(compile(rule, type, path, correlatable));
    }
    rules.addAll(nodeRules);
    Map<String, RuleNode> properties = new LinkedHashMap<>();
    boolean granular = !schema.path("x-kubernetes-map-type").asText().equals("atomic");
    Structural.properties(schema).fields().forEachRemaining(p -> {
      RuleNode child = build(p.getValue(), Structural.join(path, p.getKey()),
          Structural.flag(p.getValue(), "x-kubernetes-embedded-resource"), correlatable && granular);
      if (child != null) {
        properties.put(p.getKey(), child);
      }
    });
    JsonNode items = Structural.items(schema);
    RuleNode itemNode = items.isMissingNode() ? null : build(items, path + "[*]",
        Structural.flag(items, "x-kubernetes-embedded-resource"),
        correlatable && schema.path("x-kubernetes-list-type").asText().equals("map"));
    JsonNode additional = Structural.additionalProperties(schema);
    RuleNode additionalNode = additional.isMissingNode() ? null : build(additional, path + "[*]",
        Structural.flag(additional, "x-kubernetes-embedded-resource"), correlatable && granular);
    if (nodeRules.isEmpty() && properties.isEmpty() && itemNode == null && additionalNode == null) {
      return null;
    }
    return new RuleNode(schema, resourceRoot, nodeRules, properties, itemNode, additionalNode);
  }

  private RuleNode.Rule compile(JsonNode rule, CelType type, String path, boolean correlatable) {
    String where = path.isEmpty() ? "the root" : path;
    String expression = rule.path("rule").asText();
    if (type == null) {
      throw new IllegalStateException("the rule at " + where + " is on a schema node that CEL cannot see: " + expression);
    }
    boolean optionalOldSelf = rule.path("optionalOldSelf").asBoolean(false);
    Cel env = base.toCelBuilder()
        .addVar("self", type)
        .addVar("oldSelf", optionalOldSelf ? OptionalType.create(type) : type)
        .build();
    CelAbstractSyntaxTree ast = check(env, expression, SimpleType.BOOL, where);
    boolean transition = ast.getReferenceMap().values().stream().anyMatch(r -> r.name().equals("oldSelf"));
    if (transition && !correlatable) {
      throw new IllegalStateException("the rule at " + where + " uses oldSelf on an uncorrelatable part of the schema"
          + " (inside an atomic list or map), which the API server refuses: " + expression);
    }
    Program messageExpression = rule.has("messageExpression")
        ? program(env, check(env, rule.get("messageExpression").asText(), SimpleType.STRING, where), where) : null;
    String message = rule.path("message").asText("").trim();
    return new RuleNode.Rule(path + ": " + expression, expression, message, transition, optionalOldSelf,
        program(env, ast, where), messageExpression, rule.path("fieldPath").asText(""), rule.path("reason").asText(""));
  }

  private static CelAbstractSyntaxTree check(Cel env, String expression, CelType result, String where) {
    try {
      CelAbstractSyntaxTree ast = env.compile(expression).getAst();
      if (!ast.getResultType().equals(result) && !ast.getResultType().equals(SimpleType.DYN)) {
        throw new IllegalStateException("the expression at " + where + " must evaluate to " + result.name()
            + " but evaluates to " + ast.getResultType().name() + ": " + expression);
      }
      return ast;
    } catch (CelValidationException e) {
      throw new IllegalStateException("the CEL expression at " + where + " does not compile, so the API server would"
          + " refuse this CRD (a Kubernetes-only library function such as isURL, quantity, ip or cidr is not"
          + " available in this harness either): " + expression + "\n" + e.getMessage(), e);
    }
  }

  private static Program program(Cel env, CelAbstractSyntaxTree ast, String where) {
    try {
      return env.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cannot plan the CEL expression at " + where, e);
    }
  }

  /** The rules of one schema node and the nodes below it that have rules. */
  private record RuleNode(JsonNode schema, boolean resourceRoot, List<Rule> rules, Map<String, RuleNode> properties,
      RuleNode items, RuleNode additionalProperties) {

    record Rule(String id, String expression, String message, boolean transition, boolean optionalOldSelf,
        Program program, Program messageExpression, String fieldPath, String reason) {}

    void validate(JsonNode value, JsonNode old, String path, List<FieldError> errors) {
      if (value == null || value.isNull() || value.isMissingNode()) {
        return;
      }
      JsonNode oldValue = old == null || old.isNull() || old.isMissingNode() ? null : old;
      if (!rules.isEmpty()) {
        evaluate(value, oldValue, path, errors);
      }
      if (value.isArray() && items != null) {
        for (int i = 0; i < value.size(); i++) {
          items.validate(value.get(i), correlatedItem(value.get(i), oldValue), Structural.index(path, i), errors);
        }
      } else if (value.isObject()) {
        boolean granular = !schema.path("x-kubernetes-map-type").asText().equals("atomic");
        value.fields().forEachRemaining(field -> {
          JsonNode oldField = granular && oldValue != null ? oldValue.get(field.getKey()) : null;
          RuleNode child = properties.get(field.getKey());
          if (child != null) {
            child.validate(field.getValue(), oldField, Structural.join(path, field.getKey()), errors);
          } else if (additionalProperties != null) {
            additionalProperties.validate(field.getValue(), oldField, path + "[" + field.getKey() + "]", errors);
          }
        });
      }
    }

    private JsonNode correlatedItem(JsonNode item, JsonNode oldList) {
      if (oldList == null || !schema.path("x-kubernetes-list-type").asText().equals("map")) {
        return null;
      }
      for (JsonNode candidate : oldList) {
        boolean same = true;
        for (JsonNode key : schema.path("x-kubernetes-list-map-keys")) {
          same &= candidate.path(key.asText()).equals(item.path(key.asText()));
        }
        if (same) {
          return candidate;
        }
      }
      return null;
    }

    private void evaluate(JsonNode value, JsonNode old, String path, List<FieldError> errors) {
      Object self = CelTypes.value(schema, value, resourceRoot);
      Object oldSelf = old == null ? null : CelTypes.value(schema, old, resourceRoot);
      String shownPath = path.isEmpty() ? FieldError.ROOT : path;
      String schemaType = resourceRoot ? "object" : schema.path("type").asText();
      for (Rule rule : rules) {
        if (rule.transition() && old == null && !rule.optionalOldSelf()) {
          continue;
        }
        Map<String, Object> activation = new HashMap<>();
        activation.put("self", self);
        if (rule.transition() || rule.optionalOldSelf()) {
          activation.put("oldSelf", rule.optionalOldSelf() ? Optional.ofNullable(oldSelf) : oldSelf);
        }
        String errorPath = rule.fieldPath().isEmpty() ? shownPath : fieldPath(path, rule.fieldPath());
        Object result;
        try {
          result = rule.program().eval(activation);
        } catch (CelEvaluationException e) {
          String ruleText = rule.message().isEmpty() ? rule.expression() : rule.message();
          errors.add(new FieldError(CEL, Type.INVALID, shownPath, schemaType,
              runtimeError(e) + " evaluating rule: " + ruleText, rule.id()));
          continue;
        }
        if (Boolean.TRUE.equals(result)) {
          continue;
        }
        String detail = rule.message().isEmpty() ? "failed rule: " + rule.expression() : rule.message();
        if (rule.messageExpression() != null) {
          try {
            String evaluated = String.valueOf(rule.messageExpression().eval(activation)).trim();
            detail = evaluated.isEmpty() || evaluated.contains("\n") ? detail : evaluated;
          } catch (CelEvaluationException e) {
            // Kubernetes falls back to the static message when messageExpression fails.
          }
        }
        errors.add(switch (rule.reason()) {
          case "FieldValueRequired" -> new FieldError(CEL, Type.REQUIRED, errorPath, null, detail, rule.id());
          case "FieldValueForbidden" -> new FieldError(CEL, Type.FORBIDDEN, errorPath, null, detail, rule.id());
          case "FieldValueDuplicate" -> new FieldError(CEL, Type.DUPLICATE, errorPath, schemaType, null, rule.id());
          default -> new FieldError(CEL, Type.INVALID, errorPath, schemaType, detail, rule.id());
        });
      }
    }

    private static String fieldPath(String path, String fieldPath) {
      String normalized = fieldPath.replaceAll("\\['([^']*)'\\]", ".$1");
      normalized = normalized.startsWith(".") ? normalized.substring(1) : normalized;
      return Structural.join(path, normalized);
    }

    /** dev.cel's runtime errors, worded as cel-go words them ({@code no such key: cpu}). */
    private static String runtimeError(CelEvaluationException e) {
      String message = e.getMessage().replaceFirst("^evaluation error at <input>:\\d+: ", "");
      return message.replaceFirst("^key '(.*)' is not present in map\\.?$", "no such key: $1");
    }
  }
}
