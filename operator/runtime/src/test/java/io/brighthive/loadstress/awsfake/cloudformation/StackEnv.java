package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.brighthive.loadstress.awsfake.FakeAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One deployment of a template into a stack, seen from inside: parameters, resource ids, conditions, imports. */
final class StackEnv implements Intrinsics.Env {

  private final String stackName;
  private final String stackId;
  private final String region;
  private final Deployment deployment;
  private final Function<String, String> exports;
  private final Intrinsics intrinsics = new Intrinsics(this);
  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> computing = new HashSet<>();
  private final Map<String, Boolean> conditions = new HashMap<>();
  private final Set<String> imports = new LinkedHashSet<>();
  private final Set<String> missingImports = new LinkedHashSet<>();

  /** {@code exports} maps an export name to its value (null when no other stack exports it). */
  StackEnv(String stackName, String stackId, String region, Deployment deployment, Function<String, String> exports) {
    this.stackName = stackName;
    this.stackId = stackId;
    this.region = region;
    this.deployment = deployment;
    this.exports = exports;
  }

  Template template() {
    return deployment.template();
  }

  /** Resources whose Condition holds, in dependency order. */
  List<String> resourceOrder() {
    List<String> active = new ArrayList<>();
    for (String id : template().resourceNames()) {
      JsonNode condition = template().resource(id).get("Condition");
      if (condition == null || condition(condition.asText())) {
        active.add(id);
      }
    }
    return template().order(active);
  }

  Map<String, Output> outputs() {
    Map<String, Output> out = new LinkedHashMap<>();
    template().section("Outputs").fields().forEachRemaining(e -> {
      JsonNode def = e.getValue();
      JsonNode condition = def.get("Condition");
      if (condition != null && !condition(condition.asText())) {
        return;
      }
      String description = def.has("Description") ? intrinsics.text(def.get("Description")) : null;
      String exportName = def.path("Export").has("Name") ? intrinsics.text(def.path("Export").get("Name")) : null;
      out.put(e.getKey(), new Output(e.getKey(), intrinsics.text(def.get("Value")), description, exportName));
    });
    return out;
  }

  /** Evaluates every Fn::ImportValue of the active resources and outputs; see {@link #imports()}. */
  void scanImports() {
    for (String id : resourceOrder()) {
      findImports(template().resource(id));
    }
    template().section("Outputs").forEach(this::findImports);
  }

  Set<String> imports() {
    return imports;
  }

  Set<String> missingImports() {
    return missingImports;
  }

  /** The resource's properties with intrinsics evaluated (for change detection and attribute values). */
  JsonNode evaluatedProperties(String logicalId) {
    return intrinsics.eval(template().resource(logicalId).path("Properties"));
  }

  private void findImports(JsonNode node) {
    if (node.isObject() && node.size() == 1 && node.has("Fn::ImportValue")) {
      intrinsics.eval(node);
      return;
    }
    node.forEach(this::findImports);
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String accountId() {
    return FakeAws.ACCOUNT_ID;
  }

  @Override
  public String stackName() {
    return stackName;
  }

  @Override
  public String stackId() {
    return stackId;
  }

  @Override
  public JsonNode parameter(String name) {
    String value = deployment.parameters().get(name);
    if (value == null) {
      return null;
    }
    String type = template().section("Parameters").path(name).path("Type").asText();
    if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
      ArrayNode list = Template.JSON.createArrayNode();
      for (String item : value.split(",")) {
        list.add(item.trim());
      }
      return list;
    }
    return TextNode.valueOf(value);
  }

  @Override
  public String physicalId(String logicalId) {
    String known = ids.get(logicalId);
    if (known != null) {
      return known;
    }
    String type = template().type(logicalId);
    if (type == null) {
      return null;
    }
    String explicitName = null;
    String nameProperty = FakeResourceIds.nameProperty(type);
    JsonNode nameNode = template().resource(logicalId).path("Properties").get(nameProperty == null ? "" : nameProperty);
    if (nameNode != null && computing.add(logicalId)) {
      try {
        explicitName = intrinsics.text(nameNode);
      } finally {
        computing.remove(logicalId);
      }
    }
    String id = FakeResourceIds.physicalId(type, stackName, logicalId, explicitName, region, accountId());
    ids.put(logicalId, id);
    return id;
  }

  @Override
  public String attribute(String logicalId, String attribute) {
    String id = physicalId(logicalId);
    if (id == null) {
      return "fake-unresolved-" + logicalId + "-" + attribute;
    }
    JsonNode props = template().resource(logicalId).path("Properties");
    return FakeResourceIds.attribute(template().type(logicalId), logicalId, id, attribute, region, accountId(),
        property -> props.has(property) ? intrinsics.text(props.get(property)) : null);
  }

  @Override
  public String importValue(String name) {
    imports.add(name);
    String value = exports.apply(name);
    if (value == null) {
      missingImports.add(name);
    }
    return value;
  }

  @Override
  public boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    JsonNode definition = template().section("Conditions").get(name);
    conditions.put(name, false);
    boolean value = definition != null && intrinsics.bool(definition);
    conditions.put(name, value);
    return value;
  }

  @Override
  public JsonNode mapping(String map, String topKey, String secondKey) {
    JsonNode value = template().section("Mappings").path(map).path(topKey).path(secondKey);
    return value.isMissingNode() ? TextNode.valueOf("fake-unresolved-Fn::FindInMap") : value;
  }
}
