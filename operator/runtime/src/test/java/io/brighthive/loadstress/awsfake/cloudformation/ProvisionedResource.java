package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A stack resource as a {@link ResourceHook} sees it: its ids, its properties with intrinsic functions evaluated, its
 * tags (the stack's, then the resource's own {@code Tags}), and its {@code Fn::GetAtt} values, which are the same
 * values the stack's outputs show.
 */
public record ProvisionedResource(String stackName, String stackId, String region, String logicalId, String type,
    String physicalId, JsonNode properties, Map<String, String> stackTags, UnaryOperator<String> attributes) {

  /** {@code Fn::GetAtt [logicalId, name]}, e.g. {@code Endpoint.Address} or {@code Arn}. */
  public String attribute(String name) {
    return attributes.apply(name);
  }

  /** A property as text ({@code path} may be dotted: {@code AutoStartConfiguration.Enabled}), or the fallback. */
  public String text(String path, String fallback) {
    JsonNode node = node(path);
    return node.isMissingNode() || node.isNull() || node.isContainerNode() ? fallback : node.asText();
  }

  public boolean bool(String path, boolean fallback) {
    String value = text(path, null);
    return value == null ? fallback : Boolean.parseBoolean(value);
  }

  public int integer(String path, int fallback) {
    String value = text(path, null);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The evaluated property node (missing when absent). */
  public JsonNode node(String path) {
    JsonNode node = properties;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** The stack's tags, overlaid by the resource's own {@code Tags: [{Key, Value}]}. */
  public Map<String, String> tags() {
    Map<String, String> out = new LinkedHashMap<>(stackTags);
    properties.path("Tags").forEach(tag -> {
      if (tag.has("Key")) {
        out.put(tag.path("Key").asText(), tag.path("Value").asText());
      }
    });
    return out;
  }
}
