package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one template with sections in a fixed order, and resources, parameters and outputs in
 * the order they are added, so that the rendered JSON is byte-for-byte stable.
 */
final class TemplateBuilder {
  private final String description;
  private final List<StackParameter> parameters = new ArrayList<>();
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private final ObjectNode outputs = Cfn.object();

  TemplateBuilder(String description) {
    this.description = description;
  }

  /** Declares a parameter that the operator fills from an earlier stack's output. */
  String parameter(String name, String type, String text, OutputRef source) {
    parameters.add(new StackParameter(name, type, text, source));
    return name;
  }

  /** Adds a resource and returns its properties to fill in. */
  Props resource(String logicalId, String type) {
    Resource resource = new Resource(type);
    if (resources.putIfAbsent(logicalId, resource) != null) {
      throw new IllegalArgumentException("duplicate logical id " + logicalId);
    }
    return resource.properties;
  }

  /** Sets DeletionPolicy and UpdateReplacePolicy (Delete, Retain or Snapshot). */
  void deletionPolicy(String logicalId, String policy) {
    resources.get(logicalId).deletionPolicy = policy;
  }

  void dependsOn(String logicalId, String... others) {
    resources.get(logicalId).dependsOn.addAll(List.of(others));
  }

  void output(String key, Object value, String text) {
    outputs.set(key, Props.of().put("Description", text).put("Value", value).node());
  }

  List<StackParameter> parameters() {
    return List.copyOf(parameters);
  }

  ObjectNode build() {
    ObjectNode template = Cfn.object().put("AWSTemplateFormatVersion", "2010-09-09").put("Description", description);
    if (!parameters.isEmpty()) {
      ObjectNode section = template.putObject("Parameters");
      parameters.forEach(p -> section.set(p.name(), Props.of().put("Type", p.type()).put("Description", p.description()).node()));
    }
    ObjectNode section = template.putObject("Resources");
    resources.forEach((id, resource) -> section.set(id, resource.toJson()));
    template.set("Outputs", outputs);
    return template;
  }

  private static final class Resource {
    private final String type;
    private final Props properties = Props.of();
    private final List<String> dependsOn = new ArrayList<>();
    private String deletionPolicy;

    private Resource(String type) {
      this.type = type;
    }

    private ObjectNode toJson() {
      Props json = Props.of().put("Type", type);
      if (deletionPolicy != null) {
        json.put("DeletionPolicy", deletionPolicy).put("UpdateReplacePolicy", deletionPolicy);
      }
      json.putIf(!dependsOn.isEmpty(), "DependsOn", dependsOn);
      return json.put("Properties", properties).node();
    }
  }
}
