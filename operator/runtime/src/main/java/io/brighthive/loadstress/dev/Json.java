package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON reading and writing for the dispatcher: one mapper, bodies accepted as JSON or YAML. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The object under {@code name}, created (replacing a non-object) when absent. */
  static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses a request body; YAML is a superset of JSON, but JSON is tried first because it is stricter and faster. */
  static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException json) {
      try {
        return YAML.readTree(body);
      } catch (IOException yaml) {
        throw new BadRequestException("the request body is neither JSON nor YAML: " + json.getMessage());
      }
    }
  }

  static ObjectNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (node == null || !node.isObject()) {
      throw new BadRequestException("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  static ObjectNode parseObject(String body) {
    return parseObject(body.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /** Thrown for a body the dispatcher cannot read; becomes a 400 Status. */
  static final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
      super(message);
    }
  }
}
