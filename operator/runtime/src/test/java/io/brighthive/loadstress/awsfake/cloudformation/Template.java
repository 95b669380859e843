package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/** A parsed, structurally checked template: JSON or YAML (short forms included). Immutable. */
final class Template {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_BODY_BYTES = 51_200;

  private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
      "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Hooks");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
  private static final Set<String> IAM_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
      "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile", "AWS::IAM::AccessKey",
      "AWS::IAM::UserToGroupAddition");
  private static final List<String> IAM_NAME_PROPERTIES = List.of("RoleName", "UserName", "GroupName",
      "ManagedPolicyName", "InstanceProfileName");

  private final String body;
  private final ObjectNode root;

  private Template(String body, ObjectNode root) {
    this.body = body;
    this.root = root;
  }

  static Template parse(String body) {
    if (body == null || body.isBlank()) {
      throw AwsError.validation("Template format error: template body is empty.");
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw AwsError.validation("1 validation error detected: Value at 'templateBody' failed to satisfy "
          + "constraint: Member must have length less than or equal to " + MAX_BODY_BYTES);
    }
    JsonNode node;
    if (body.strip().startsWith("{")) {
      try {
        node = JSON.readTree(body);
      } catch (JsonProcessingException e) {
        var at = e.getLocation();
        throw AwsError.validation("Template format error: JSON not well-formed. (line " + at.getLineNr()
            + ",  column " + at.getColumnNr() + ")");
      }
    } else {
      try {
        node = JSON.valueToTree(TemplateYaml.load(body));
      } catch (YAMLException | ClassCastException e) {
        throw AwsError.validation("Template format error: YAML not well-formed. " + firstLine(e.getMessage()));
      }
    }
    if (!(node instanceof ObjectNode object)) {
      throw AwsError.validation("Template format error: unsupported structure.");
    }
    Template template = new Template(body, object);
    template.validate();
    return template;
  }

  String body() {
    return body;
  }

  ObjectNode root() {
    return root;
  }

  boolean sameAs(Template other) {
    return other != null && root.equals(other.root);
  }

  String description() {
    JsonNode d = root.get("Description");
    return d == null || d.isNull() ? null : d.asText();
  }

  ObjectNode section(String name) {
    JsonNode node = root.get(name);
    return node instanceof ObjectNode object ? object : JSON.createObjectNode();
  }

  List<String> resourceNames() {
    List<String> names = new ArrayList<>();
    section("Resources").fieldNames().forEachRemaining(names::add);
    return names;
  }

  ObjectNode resource(String logicalId) {
    return (ObjectNode) section("Resources").get(logicalId);
  }

  String type(String logicalId) {
    ObjectNode resource = resource(logicalId);
    return resource == null ? null : resource.path("Type").asText();
  }

  // ---- structure ----

  private void validate() {
    List<String> unknown = new ArrayList<>();
    root.fieldNames().forEachRemaining(f -> {
      if (!SECTIONS.contains(f)) {
        unknown.add(f);
      }
    });
    if (!unknown.isEmpty()) {
      throw formatError("Invalid template property or properties " + unknown);
    }
    ObjectNode resources = section("Resources");
    if (resources.isEmpty()) {
      throw formatError("At least one Resources member must be defined.");
    }
    resources.fields().forEachRemaining(e -> {
      if (!ALPHANUMERIC.matcher(e.getKey()).matches()) {
        throw formatError("Resource name " + e.getKey() + " is non alphanumeric.");
      }
      if (!e.getValue().isObject() || !e.getValue().path("Type").isTextual()) {
        throw formatError("[/Resources/" + e.getKey() + "] Every Resources object must contain a Type member.");
      }
    });
    section("Parameters").fields().forEachRemaining(e -> {
      if (!e.getValue().path("Type").isTextual()) {
        throw formatError("Every Parameters object must contain a Type member.");
      }
    });
    section("Outputs").fields().forEachRemaining(e -> {
      if (!e.getValue().isObject() || e.getValue().path("Value").isMissingNode() || e.getValue().get("Value").isNull()) {
        throw formatError("Every Outputs member must contain a Value object, the Value object cannot be null.");
      }
    });
    checkReferences("Resources");
    checkReferences("Outputs");
    checkConditions();
    order(resourceNames());
  }

  private void checkReferences(String sectionName) {
    Set<String> resources = new LinkedHashSet<>(resourceNames());
    Set<String> parameters = new LinkedHashSet<>();
    section("Parameters").fieldNames().forEachRemaining(parameters::add);
    Set<String> unresolved = new LinkedHashSet<>();
    section(sectionName).fields().forEachRemaining(e -> {
      references(e.getValue(), (target, isAttribute) -> {
        if (isAttribute && !resources.contains(target)) {
          throw AwsError.validation("Template error: instance of Fn::GetAtt references undefined resource " + target);
        }
        if (!isAttribute && !resources.contains(target) && !parameters.contains(target) && !target.startsWith("AWS::")) {
          unresolved.add(target);
        }
      });
      dependsOn(e.getValue()).stream().filter(d -> !resources.contains(d)).forEach(unresolved::add);
    });
    if (!unresolved.isEmpty()) {
      throw formatError("Unresolved resource dependencies " + unresolved + " in the " + sectionName
          + " block of the template");
    }
  }

  private void checkConditions() {
    ObjectNode conditions = section("Conditions");
    for (String sectionName : List.of("Resources", "Outputs")) {
      section(sectionName).fields().forEachRemaining(e -> {
        JsonNode condition = e.getValue().get("Condition");
        if (condition != null && !conditions.has(condition.asText())) {
          throw formatError("Unresolved condition dependency " + condition.asText() + " in " + sectionName + ".");
        }
      });
    }
  }

  /** Resource ids in dependency order (template order between independent ones), restricted to {@code active}. */
  List<String> order(Collection<String> active) {
    Map<String, Set<String>> pending = new LinkedHashMap<>();
    for (String id : active) {
      Set<String> deps = new LinkedHashSet<>(dependsOn(resource(id)));
      references(resource(id), (target, attr) -> deps.add(target));
      deps.retainAll(active);
      deps.remove(id);
      pending.put(id, deps);
    }
    List<String> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      String next = pending.entrySet().stream().filter(e -> ordered.containsAll(e.getValue()))
          .map(Map.Entry::getKey).findFirst()
          .orElseThrow(() -> formatError("Circular dependency between resources: " + pending.keySet()));
      ordered.add(next);
      pending.remove(next);
    }
    return ordered;
  }

  /** Capabilities the template needs: empty, CAPABILITY_IAM or CAPABILITY_NAMED_IAM. */
  Set<String> requiredCapabilities() {
    Set<String> needed = new LinkedHashSet<>();
    for (String id : resourceNames()) {
      if (IAM_TYPES.contains(type(id))) {
        JsonNode props = resource(id).path("Properties");
        boolean named = IAM_NAME_PROPERTIES.stream().anyMatch(props::has);
        needed.add(named ? "CAPABILITY_NAMED_IAM" : "CAPABILITY_IAM");
      }
    }
    return needed.contains("CAPABILITY_NAMED_IAM") ? Set.of("CAPABILITY_NAMED_IAM") : needed;
  }

  List<String> iamResourceTypes() {
    return resourceNames().stream().map(this::type).filter(IAM_TYPES::contains).distinct().toList();
  }

  /** Names referenced by Ref (isAttribute false) or Fn::GetAtt / ${A.B} (isAttribute true), anywhere in node. */
  static void references(JsonNode node, BiConsumer<String, Boolean> sink) {
    if (node == null) {
      return;
    }
    if (node.isObject() && node.size() == 1) {
      var field = node.fields().next();
      JsonNode arg = field.getValue();
      switch (field.getKey()) {
        case "Ref" -> {
          if (arg.isTextual()) {
            sink.accept(arg.asText(), false);
            return;
          }
        }
        case "Fn::GetAtt" -> {
          if (arg.isArray() && arg.size() >= 1 && arg.get(0).isTextual()) {
            sink.accept(arg.get(0).asText(), true);
            references(arg.get(1), sink);
            return;
          }
        }
        case "Fn::Sub" -> {
          String text = arg.isTextual() ? arg.asText() : arg.path(0).asText();
          Set<String> local = new LinkedHashSet<>();
          if (arg.isArray() && arg.size() > 1) {
            arg.get(1).fieldNames().forEachRemaining(local::add);
            references(arg.get(1), sink);
          }
          Matcher m = SUB_VARIABLE.matcher(text);
          while (m.find()) {
            String variable = m.group(1).trim();
            int dot = variable.indexOf('.');
            String target = dot < 0 ? variable : variable.substring(0, dot);
            if (!local.contains(variable) && !local.contains(target)) {
              sink.accept(target, dot >= 0 && !target.startsWith("AWS::"));
            }
          }
          return;
        }
        default -> {
        }
      }
    }
    node.forEach(child -> references(child, sink));
  }

  private static List<String> dependsOn(JsonNode resource) {
    JsonNode deps = resource == null ? null : resource.get("DependsOn");
    List<String> out = new ArrayList<>();
    if (deps != null && deps.isTextual()) {
      out.add(deps.asText());
    } else if (deps != null) {
      deps.forEach(d -> out.add(d.asText()));
    }
    return out;
  }

  static AwsError formatError(String message) {
    return AwsError.validation("Template format error: " + message);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
