package io.brighthive.loadstress.admission;

import static io.brighthive.loadstress.admission.FieldError.Layer.SCHEMA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.brighthive.loadstress.admission.FieldError.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The OpenAPI v3 layer: the version's openAPIV3Schema, translated to JSON Schema draft 4 for
 * networknt, with its findings reworded as kube-openapi and apimachinery word them.
 */
final class SchemaValidation {
  /** The value-validation keywords a structural schema may use, copied as they are. */
  private static final Set<String> KEYWORDS = Set.of(
      "type", "enum", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
      "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf", "required");
  /** Constructs Go's RE2 (which the API server compiles patterns with) refuses but Java accepts. */
  private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\(\\?>|\\\\[1-9]");

  private final JsonSchema schema;

  SchemaValidation(JsonNode openApiV3Schema, String where) {
    ObjectNode jsonSchema = translate(openApiV3Schema, where);
    ObjectNode properties = jsonSchema.withObjectProperty("properties");
    properties.set("apiVersion", Manifests.JSON.createObjectNode().put("type", "string"));
    properties.set("kind", Manifests.JSON.createObjectNode().put("type", "string"));
    properties.set("metadata", Manifests.JSON.createObjectNode().put("type", "object"));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(jsonSchema, config);
  }

  List<FieldError> validate(JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(object)) {
      errors.add(toFieldError(message));
    }
    errors.sort(Comparator.comparing(FieldError::path).thenComparing(e -> e.type().ordinal()));
    return errors;
  }

  private static ObjectNode translate(JsonNode k8s, String where) {
    ObjectNode out = Manifests.JSON.createObjectNode();
    k8s.fields().forEachRemaining(field -> {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (KEYWORDS.contains(key)) {
        out.set(key, value.deepCopy());
      } else if (key.equals("properties")) {
        ObjectNode properties = out.putObject("properties");
        value.fields().forEachRemaining(
            p -> properties.set(p.getKey(), translate(p.getValue(), Structural.join(where, p.getKey()))));
      } else if (key.equals("items") || key.equals("not")) {
        out.set(key, translate(value, where + "[*]"));
      } else if (key.equals("additionalProperties")) {
        out.set(key, value.isObject() ? translate(value, where + "[*]") : value.deepCopy());
      } else if (key.equals("allOf") || key.equals("anyOf") || key.equals("oneOf")) {
        ArrayNode list = out.putArray(key);
        value.forEach(item -> list.add(translate(item, where)));
      }
    });
    if (out.has("pattern") && NOT_RE2.matcher(out.get("pattern").asText()).find()) {
      throw new IllegalStateException("the pattern at " + where + " uses a construct that Go's RE2 rejects, so the API server"
          + " would refuse the CRD: " + out.get("pattern").asText());
    }
    if (Structural.flag(k8s, "x-kubernetes-int-or-string")) {
      out.remove("type");
      out.putArray("type").add("integer").add("string");
    }
    if (k8s.path("nullable").asBoolean(false)) {
      if (out.has("type")) {
        JsonNode type = out.remove("type");
        ArrayNode types = out.putArray("type");
        if (type.isArray()) {
          types.addAll((ArrayNode) type);
        } else {
          types.add(type);
        }
        types.add("null");
      }
      if (out.has("enum")) {
        out.withArrayProperty("enum").addNull();
      }
    }
    return out;
  }

  private static FieldError toFieldError(ValidationMessage message) {
    String path = path(message.getInstanceLocation());
    String parent = path.equals(FieldError.ROOT) ? "" : path;
    JsonNode value = message.getInstanceNode();
    JsonNode keyword = message.getSchemaNode();
    String inBody = path + " in body ";
    return switch (message.getType()) {
      case "required" -> FieldError.of(SCHEMA, Type.REQUIRED, Structural.join(parent, message.getProperty()), null, "");
      case "enum" -> FieldError.notSupported(SCHEMA, path, value, StreamSupport.stream(keyword.spliterator(), false)
          .map(v -> v.isTextual() ? v.textValue() : v.toString()).toList());
      case "type" -> FieldError.of(SCHEMA, Type.TYPE_INVALID, path, typeName(value),
          inBody + "must be of type " + typeList(keyword) + ": \"" + typeName(value) + "\"");
      case "maxLength" -> FieldError.of(SCHEMA, Type.TOO_LONG, path, value, "may not be more than " + keyword.asInt() + " bytes");
      case "maxItems", "maxProperties" ->
          FieldError.of(SCHEMA, Type.TOO_MANY, path, value.size(), "must have at most " + keyword.asInt() + " items");
      default -> FieldError.of(SCHEMA, Type.INVALID, path, value, inBody + invalidDetail(message, keyword));
    };
  }

  /** kube-openapi's wording for the keywords that yield a plain Invalid value error. */
  private static String invalidDetail(ValidationMessage message, JsonNode keyword) {
    return switch (message.getType()) {
      case "pattern" -> "should match '" + keyword.asText() + "'";
      case "minimum" -> "should be greater than or equal to " + number(keyword);
      case "maximum" -> "should be less than or equal to " + number(keyword);
      case "exclusiveMinimum" -> "should be greater than " + message.getArguments()[0];
      case "exclusiveMaximum" -> "should be less than " + message.getArguments()[0];
      case "multipleOf" -> "should be a multiple of " + number(keyword);
      case "minLength" -> "should be at least " + keyword.asInt() + " chars long";
      case "minItems" -> "should have at least " + keyword.asInt() + " items";
      case "minProperties" -> "should have at least " + keyword.asInt() + " properties";
      case "uniqueItems" -> "shouldn't contain duplicates";
      default -> message.getMessage();
    };
  }

  /** A networknt instance location as a Kubernetes field path: {@code spec.monitoring.alarmEmails[1]}. */
  static String path(JsonNodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? Structural.index(path, index) : Structural.join(path, String.valueOf(element));
    }
    return path.isEmpty() ? FieldError.ROOT : path;
  }

  private static String typeName(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isArray()) {
      return "array";
    }
    return value.isObject() ? "object" : "null";
  }

  private static String typeList(JsonNode type) {
    if (!type.isArray()) {
      return type.asText();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return String.join(",", names);
  }

  /** A bound as Go's {@code %v} prints a float64: 1e+10 rather than 1.0E10, 3 rather than 3.0. */
  static String number(JsonNode bound) {
    BigDecimal value = bound.decimalValue().stripTrailingZeros();
    if (value.signum() == 0) {
      return "0";
    }
    int digits = value.precision();
    int point = value.precision() - value.scale();
    int exponent = point - 1;
    int precision = 6 > digits && digits >= point ? digits : 6;
    if (exponent < -4 || exponent >= precision) {
      String mantissa = value.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    return value.toPlainString();
  }
}
