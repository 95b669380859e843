package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side printing ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}): the NAME column, then the
 * resource's printer columns, with cells typed as the apiextensions-apiserver types them. A missing value is
 * null, which kubectl prints as an empty cell; a date becomes an age such as 5m10s.
 */
final class TableConverter {
  private static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
      + "resources, although some resources may allow a client to request the generation of an appropriate name "
      + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be "
      + "updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
  private final Clock clock;
  private final Map<String, JsonPath> paths = new ConcurrentHashMap<>();

  TableConverter(Clock clock) {
    this.clock = clock;
  }

  ObjectNode table(ApiResource resource, List<? extends JsonNode> objects, String resourceVersion, String includeObject) {
    ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode columns = table.putArray("columnDefinitions");
    boolean nameColumn = needsNameColumn(resource);
    if (nameColumn) {
      columns.addObject().put("name", "Name").put("type", "string").put("format", "name")
          .put("description", NAME_DESCRIPTION).put("priority", 0);
    }
    for (PrinterColumn column : resource.columns()) {
      columns.addObject().put("name", column.name()).put("type", column.type()).put("format", column.format())
          .put("description", column.description()).put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      rows.add(row(resource, object, includeObject, nameColumn));
    }
    return table;
  }

  /** Events list their name last, with priority 1, as the API server prints them; other kinds start with NAME. */
  private static boolean needsNameColumn(ApiResource resource) {
    return resource.columns().stream().noneMatch(c -> c.name().equals("Name"));
  }

  private ObjectNode row(ApiResource resource, JsonNode object, String includeObject, boolean nameColumn) {
    ObjectNode row = Json.object();
    ArrayNode cells = row.putArray("cells");
    if (nameColumn) {
      cells.add(object.path("metadata").path("name").asText());
    }
    for (PrinterColumn column : resource.columns()) {
      cells.add(cell(column, object));
    }
    if ("Object".equals(includeObject)) {
      row.set("object", object);
    } else if (!"None".equals(includeObject)) {
      ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata"));
    }
    return row;
  }

  private JsonNode cell(PrinterColumn column, JsonNode object) {
    JsonNode value;
    if (column.computed() != null) {
      value = Json.MAPPER.valueToTree(column.computed().apply(object));
    } else {
      List<JsonNode> results = paths.computeIfAbsent(column.jsonPath(), JsonPath::compile).evaluate(object);
      value = results.isEmpty() ? null : results.get(0);
    }
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.nullNode();
    }
    return switch (column.type()) {
      case "string" -> JsonNodeFactory.instance.textNode(value.isTextual() ? value.asText() : printed(value));
      case "integer" -> value.isNumber() ? JsonNodeFactory.instance.numberNode(value.asLong()) : null;
      case "number" -> value.isNumber() ? number(value.decimalValue()) : null;
      case "boolean" -> value.isBoolean() ? value : null;
      case "date" -> value.isTextual() ? JsonNodeFactory.instance.textNode(age(value.asText())) : null;
      default -> null;
    };
  }

  private String age(String timestamp) {
    try {
      return HumanDuration.format(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), clock.instant()));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  /** Go encodes a float64 without a fraction as an integer (3, not 3.0), and kubectl then prints it as one. */
  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
    }
    return JsonNodeFactory.instance.numberNode(value.doubleValue());
  }

  private static String printed(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal decimal = value.decimalValue().stripTrailingZeros();
      return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
    }
    return value.isValueNode() ? value.asText() : Json.text(value);
  }
}
