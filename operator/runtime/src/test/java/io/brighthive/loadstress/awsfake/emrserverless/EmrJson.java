package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.AwsError;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REST-JSON bodies: Jackson trees, timestamps as epoch seconds with milliseconds (the protocol's default). */
final class EmrJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private EmrJson() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode parse(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // below
    }
    throw new AwsError(400, "ValidationException", "Request body is not a JSON object");
  }

  static BigDecimal time(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static ObjectNode tags(Map<String, String> tags) {
    ObjectNode out = object();
    tags.forEach(out::put);
    return out;
  }

  /** The node without the members the comparison should ignore (e.g. clientToken). */
  static JsonNode without(ObjectNode node, String... fields) {
    ObjectNode copy = node.deepCopy();
    copy.remove(List.of(fields));
    return copy;
  }
}
