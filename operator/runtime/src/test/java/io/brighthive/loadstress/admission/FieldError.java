package io.brighthive.loadstress.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason the API server refuses an object, rendered as apimachinery's {@code field.Error}
 * renders it ({@code spec.vpc.maxAzs: Invalid value: 4: ...}).
 *
 * @param layer which check raised it
 * @param type the apimachinery error type
 * @param path the field path, such as {@code spec.monitoring.alarmEmails[1]}; {@code <nil>} at the root
 * @param value the offending value (shown for the types that show one)
 * @param detail the explanation
 * @param rule the CEL rule that failed, or null when it is not a CEL error
 */
public record FieldError(Layer layer, Type type, String path, Object value, String detail, String rule) {
  /** How apimachinery prints the path of the object's root. */
  public static final String ROOT = "<nil>";

  /** Where in the API server's pipeline the error arises. */
  public enum Layer {
    /** Strict field validation while decoding: unknown or duplicate fields. The request stops here. */
    DECODING,
    /** ObjectMeta validation (name, namespace, labels, annotations). */
    METADATA,
    /** The OpenAPI v3 schema (type, enum, pattern, bounds, required, ...). */
    SCHEMA,
    /** x-kubernetes-list-type set/map uniqueness. */
    LIST_TYPE,
    /** x-kubernetes-validations CEL rules. */
    CEL
  }

  /** The apimachinery {@code field.ErrorType}s this harness produces. */
  public enum Type {
    REQUIRED("Required value", false),
    INVALID("Invalid value", true),
    TYPE_INVALID("Invalid value", true),
    NOT_SUPPORTED("Unsupported value", true),
    DUPLICATE("Duplicate value", true),
    TOO_MANY("Too many", true),
    TOO_LONG("Too long", false),
    FORBIDDEN("Forbidden", false),
    UNKNOWN_FIELD("unknown field", false);

    private final String text;
    private final boolean showsValue;

    Type(String text, boolean showsValue) {
      this.text = text;
      this.showsValue = showsValue;
    }

    /**
     * Whether this error stops CEL evaluation (Kubernetes' {@code hasBlockingErr}: enum, required,
     * too long, too many and wrong-type errors).
     */
    boolean blocksCel() {
      return this == NOT_SUPPORTED || this == REQUIRED || this == TOO_LONG || this == TOO_MANY || this == TYPE_INVALID;
    }
  }

  static FieldError of(Layer layer, Type type, String path, Object value, String detail) {
    return new FieldError(layer, type, path, value, detail, null);
  }

  static FieldError notSupported(Layer layer, String path, Object value, List<?> allowed) {
    String values = allowed.stream().map(FieldError::render).collect(Collectors.joining(", "));
    return of(layer, Type.NOT_SUPPORTED, path, value, "supported values: " + values);
  }

  @Override
  public String toString() {
    if (type == Type.UNKNOWN_FIELD) {
      return "unknown field \"" + path + "\"";
    }
    StringBuilder body = new StringBuilder(type.text);
    if (type.showsValue) {
      body.append(": ").append(render(value));
    }
    if (detail != null && !detail.isEmpty()) {
      body.append(": ").append(detail);
    }
    return path + ": " + body;
  }

  /** Renders a value as Go's {@code %q}/{@code %v} would for the simple types, as JSON otherwise. */
  static String render(Object value) {
    if (value == null) {
      return "\"null\"";
    }
    if (value instanceof JsonNode node) {
      if (node.isTextual()) {
        return quote(node.textValue());
      }
      return node.isNull() ? "\"null\"" : node.toString();
    }
    if (value instanceof String s) {
      return quote(s);
    }
    return String.valueOf(value);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
