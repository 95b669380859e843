package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One column of the server-side Table: either a CRD {@code additionalPrinterColumns} entry (a JSONPath) or a
 * computed column of a built-in kind.
 */
record PrinterColumn(String name, String type, String format, String description, int priority,
    String jsonPath, Function<JsonNode, Object> computed) {

  static PrinterColumn fromCrd(JsonNode column) {
    String jsonPath = column.path("jsonPath").asText();
    String description = column.path("description").asText("");
    return new PrinterColumn(column.path("name").asText(), column.path("type").asText("string"),
        column.path("format").asText(""),
        description.isEmpty() ? "Custom resource definition column (in JSONPath format): " + jsonPath : description,
        column.path("priority").asInt(0), jsonPath, null);
  }

  static PrinterColumn path(String name, String type, String jsonPath) {
    return new PrinterColumn(name, type, "", name, 0, jsonPath, null);
  }

  static PrinterColumn computed(String name, String type, Function<JsonNode, Object> value) {
    return new PrinterColumn(name, type, "", name, 0, null, value);
  }

  static PrinterColumn age() {
    return path("Age", "date", ".metadata.creationTimestamp");
  }
}
