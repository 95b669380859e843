package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/** CloudFormation intrinsic functions and JSON values, built as Jackson nodes. */
final class Cfn {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Cfn() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array(Object... items) {
    ArrayNode array = NODES.arrayNode();
    for (Object item : items) {
      array.add(node(item));
    }
    return array;
  }

  static ArrayNode arrayOf(Collection<?> items) {
    return array(items.toArray());
  }

  static ObjectNode ref(String logicalId) {
    return single("Ref", NODES.textNode(logicalId));
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    return single("Fn::GetAtt", array(logicalId, attribute));
  }

  static ObjectNode sub(String template) {
    return single("Fn::Sub", NODES.textNode(template));
  }

  static ObjectNode join(String delimiter, Object... parts) {
    return single("Fn::Join", array(delimiter, array(parts)));
  }

  /** The availability zone at {@code index} of the region's zones, as {@code Fn::GetAZs} lists them. */
  static ObjectNode availabilityZone(int index) {
    return single("Fn::Select", array(index, single("Fn::GetAZs", NODES.textNode(""))));
  }

  /** A tag list in the {@code [{Key, Value}]} form every tagged resource type here accepts. */
  static ArrayNode tags(Map<String, String> tags) {
    ArrayNode array = NODES.arrayNode();
    tags.forEach((key, value) -> array.add(object().put("Key", key).put("Value", value)));
    return array;
  }

  /** Converts strings, numbers, booleans, nodes, lists and maps to JSON nodes. */
  static JsonNode node(Object value) {
    if (value instanceof JsonNode json) {
      return json;
    }
    if (value instanceof Props props) {
      return props.node();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Collection<?> list) {
      return arrayOf(list);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = object();
      map.forEach((key, item) -> object.set(String.valueOf(key), node(item)));
      return object;
    }
    throw new IllegalArgumentException("no JSON form for " + value);
  }

  private static ObjectNode single(String key, JsonNode value) {
    ObjectNode object = object();
    object.set(key, value);
    return object;
  }
}
