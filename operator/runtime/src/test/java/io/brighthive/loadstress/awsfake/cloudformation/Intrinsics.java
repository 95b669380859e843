package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against an {@link Env}. Anything it cannot evaluate becomes a
 * {@code fake-unresolved-…} placeholder string instead of an exception.
 */
final class Intrinsics {

  /** What a template can refer to. */
  interface Env {
    String region();

    String accountId();

    String stackName();

    String stackId();

    /** A parameter's value (text, or an array for list types), or null when there is no such parameter. */
    JsonNode parameter(String name);

    /** A resource's physical id, or null when there is no such (active) resource. */
    String physicalId(String logicalId);

    String attribute(String logicalId, String attribute);

    /** The value exported under {@code name} by another stack, or null. */
    String importValue(String name);

    boolean condition(String name);

    JsonNode mapping(String map, String topKey, String secondKey);
  }

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Env env;

  Intrinsics(Env env) {
    this.env = env;
  }

  /** The evaluated node; {@link MissingNode} for {@code AWS::NoValue}. */
  JsonNode eval(JsonNode node) {
    if (node == null) {
      return MissingNode.getInstance();
    }
    if (node.isObject() && node.size() == 1) {
      var field = node.fields().next();
      String name = field.getKey();
      if (name.equals("Ref") || name.startsWith("Fn::") || (name.equals("Condition") && field.getValue().isTextual())) {
        try {
          return function(name, field.getValue());
        } catch (RuntimeException e) {
          return TextNode.valueOf("fake-unresolved-" + name);
        }
      }
    }
    if (node.isObject()) {
      ObjectNode out = Template.JSON.createObjectNode();
      node.fields().forEachRemaining(e -> {
        JsonNode value = eval(e.getValue());
        if (!value.isMissingNode()) {
          out.set(e.getKey(), value);
        }
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Template.JSON.createArrayNode();
      node.forEach(child -> {
        JsonNode value = eval(child);
        if (!value.isMissingNode()) {
          out.add(value);
        }
      });
      return out;
    }
    return node;
  }

  /** The evaluated node as a string (lists joined by commas, as outputs show them). */
  String text(JsonNode node) {
    JsonNode value = eval(node);
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
      return String.join(",", items);
    }
    return value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : value.toString();
  }

  boolean bool(JsonNode node) {
    JsonNode value = eval(node);
    return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
  }

  private JsonNode function(String name, JsonNode arg) {
    return switch (name) {
      case "Ref" -> ref(arg.asText());
      case "Condition" -> BooleanNode.valueOf(env.condition(arg.asText()));
      case "Fn::GetAtt" -> arg.isTextual()
          ? TextNode.valueOf(env.attribute(arg.asText().split("\\.", 2)[0], arg.asText().split("\\.", 2)[1]))
          : TextNode.valueOf(env.attribute(arg.get(0).asText(), text(arg.get(1))));
      case "Fn::Join" -> TextNode.valueOf(join(text(arg.get(0)), eval(arg.get(1))));
      case "Fn::Sub" -> TextNode.valueOf(sub(arg));
      case "Fn::Select" -> select(Integer.parseInt(text(arg.get(0))), eval(arg.get(1)));
      case "Fn::Split" -> split(text(arg.get(0)), text(arg.get(1)));
      case "Fn::ImportValue" -> importValue(text(arg));
      case "Fn::If" -> env.condition(arg.get(0).asText()) ? eval(arg.get(1)) : eval(arg.get(2));
      case "Fn::Equals" -> BooleanNode.valueOf(text(arg.get(0)).equals(text(arg.get(1))));
      case "Fn::Not" -> BooleanNode.valueOf(!bool(arg.get(0)));
      case "Fn::And" -> BooleanNode.valueOf(all(arg, true));
      case "Fn::Or" -> BooleanNode.valueOf(!all(arg, false));
      case "Fn::FindInMap" -> env.mapping(text(arg.get(0)), text(arg.get(1)), text(arg.get(2)));
      case "Fn::GetAZs" -> azs();
      case "Fn::Base64" -> TextNode.valueOf(
          Base64.getEncoder().encodeToString(text(arg).getBytes(StandardCharsets.UTF_8)));
      case "Fn::Cidr" -> cidr(text(arg.get(0)), Integer.parseInt(text(arg.get(1))), Integer.parseInt(text(arg.get(2))));
      case "Fn::Length" -> IntNode.valueOf(eval(arg).size());
      case "Fn::ToJsonString" -> TextNode.valueOf(eval(arg).toString());
      default -> TextNode.valueOf("fake-unresolved-" + name);
    };
  }

  private JsonNode ref(String name) {
    switch (name) {
      case "AWS::Region":
        return TextNode.valueOf(env.region());
      case "AWS::AccountId":
        return TextNode.valueOf(env.accountId());
      case "AWS::StackName":
        return TextNode.valueOf(env.stackName());
      case "AWS::StackId":
        return TextNode.valueOf(env.stackId());
      case "AWS::Partition":
        return TextNode.valueOf("aws");
      case "AWS::URLSuffix":
        return TextNode.valueOf("amazonaws.com");
      case "AWS::NoValue":
        return MissingNode.getInstance();
      case "AWS::NotificationARNs":
        return Template.JSON.createArrayNode();
      default:
        break;
    }
    JsonNode parameter = env.parameter(name);
    if (parameter != null) {
      return parameter;
    }
    String physicalId = env.physicalId(name);
    return TextNode.valueOf(physicalId != null ? physicalId : "fake-unresolved-Ref-" + name);
  }

  private String join(String delimiter, JsonNode items) {
    List<String> parts = new ArrayList<>();
    items.forEach(item -> parts.add(item.asText()));
    return String.join(delimiter, parts);
  }

  private String sub(JsonNode arg) {
    String template = arg.isTextual() ? arg.asText() : arg.get(0).asText();
    JsonNode variables = arg.isArray() && arg.size() > 1 ? arg.get(1) : Template.JSON.createObjectNode();
    Matcher m = SUB_VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1).trim();
      String value;
      if (variable.startsWith("!")) {
        value = "${" + variable.substring(1) + "}";
      } else if (variables.has(variable)) {
        value = text(variables.get(variable));
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        value = env.attribute(variable.substring(0, dot), variable.substring(dot + 1));
      } else {
        value = text(ref(variable));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private JsonNode select(int index, JsonNode list) {
    return index >= 0 && index < list.size() ? list.get(index) : TextNode.valueOf("fake-unresolved-Fn::Select");
  }

  private JsonNode split(String delimiter, String source) {
    ArrayNode out = Template.JSON.createArrayNode();
    for (String part : source.split(Pattern.quote(delimiter), -1)) {
      out.add(part);
    }
    return out;
  }

  private JsonNode importValue(String exportName) {
    String value = env.importValue(exportName);
    return TextNode.valueOf(value != null ? value : "fake-missing-import-" + exportName);
  }

  private boolean all(JsonNode conditions, boolean expected) {
    for (JsonNode condition : conditions) {
      if (bool(condition) != expected) {
        return false;
      }
    }
    return true;
  }

  private JsonNode azs() {
    ArrayNode out = Template.JSON.createArrayNode();
    for (String suffix : List.of("a", "b", "c")) {
      out.add(env.region() + suffix);
    }
    return out;
  }

  /** Fn::Cidr for IPv4: {@code count} blocks of {@code 32 - cidrBits} prefix length, from the block's start. */
  private static JsonNode cidr(String block, int count, int cidrBits) {
    String[] parts = block.split("/");
    String[] octets = parts[0].split("\\.");
    long base = 0;
    for (String octet : octets) {
      base = (base << 8) | Integer.parseInt(octet);
    }
    int prefix = 32 - cidrBits;
    ArrayNode out = Template.JSON.createArrayNode();
    for (int i = 0; i < count; i++) {
      long start = base + ((long) i << cidrBits);
      out.add(((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255)
          + "/" + prefix);
    }
    return out;
  }
}
