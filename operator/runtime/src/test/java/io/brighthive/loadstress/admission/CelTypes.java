package io.brighthive.loadstress.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL types and values that Kubernetes derives from a structural schema
 * ({@code SchemaDeclType} and {@code UnstructuredToVal}): objects with properties are typed
 * objects (an undeclared field does not compile), objects with additionalProperties are
 * {@code map(string, T)}, integers are int64, numbers double, date-time strings timestamps;
 * property names are escaped as Kubernetes escapes them.
 */
final class CelTypes implements CelTypeProvider {
  private static final Set<String> RESERVED = Set.of(
      "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
      "let", "loop", "package", "namespace", "return", "var", "void", "while");
  private static final Pattern EXPAND = Pattern.compile("__|[-./]|[^a-zA-Z0-9_]");
  private static final Pattern GO_DURATION = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|ms|s|m|h)");

  private final Map<String, StructType> structs = new LinkedHashMap<>();
  private final Map<String, Optional<CelType>> declared = new HashMap<>();

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(structs.values());
  }

  @Override
  public Optional<CelType> findType(String typeName) {
    return Optional.ofNullable(structs.get(typeName));
  }

  /** The CEL type of values at this schema node, or null when Kubernetes does not expose them to CEL. */
  CelType declType(JsonNode schema, String path, boolean resourceRoot) {
    Optional<CelType> known = declared.get(path);
    if (known == null) {
      known = Optional.ofNullable(newDeclType(schema, path, resourceRoot));
      declared.put(path, known);
    }
    return known.orElse(null);
  }

  private CelType newDeclType(JsonNode schema, String path, boolean resourceRoot) {
    if (Structural.flag(schema, "x-kubernetes-int-or-string")) {
      return SimpleType.DYN;
    }
    JsonNode effective = resourceRoot ? withTypeAndObjectMeta(schema) : schema;
    switch (effective.path("type").asText()) {
      case "array": {
        JsonNode items = Structural.items(effective);
        CelType element = items.isMissingNode() ? null : declType(items, path + "[*]", embedded(items));
        return element == null ? null : ListType.create(element);
      }
      case "object": {
        JsonNode additional = Structural.additionalProperties(effective);
        if (!additional.isMissingNode()) {
          CelType value = declType(additional, path + "[*]", embedded(additional));
          return value == null ? null : MapType.create(SimpleType.STRING, value);
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        Structural.properties(effective).fields().forEachRemaining(p -> escape(p.getKey()).ifPresent(name -> {
          CelType type = declType(p.getValue(), Structural.join(path, p.getKey()), embedded(p.getValue()));
          if (type != null) {
            fields.put(name, type);
          }
        }));
        String name = "object." + (path.isEmpty() ? "root" : path);
        StructType struct =
            StructType.create(name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(fields.get(f)));
        structs.put(name, struct);
        return struct;
      }
      case "string":
        return switch (effective.path("format").asText()) {
          case "byte" -> SimpleType.BYTES;
          case "duration" -> SimpleType.DURATION;
          case "date", "date-time" -> SimpleType.TIMESTAMP;
          default -> SimpleType.STRING;
        };
      case "integer":
        return SimpleType.INT;
      case "number":
        return SimpleType.DOUBLE;
      case "boolean":
        return SimpleType.BOOL;
      default:
        return null;
    }
  }

  /** The runtime value of a JSON value at this schema node, shaped as {@link #declType} declares it. */
  static Object value(JsonNode schema, JsonNode value, boolean resourceRoot) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (Structural.flag(schema, "x-kubernetes-int-or-string")) {
      return value.isIntegralNumber() ? (Object) value.longValue() : value.asText();
    }
    JsonNode effective = resourceRoot ? withTypeAndObjectMeta(schema) : schema;
    switch (effective.path("type").asText()) {
      case "array": {
        List<Object> list = new ArrayList<>();
        JsonNode items = Structural.items(effective);
        value.forEach(item -> list.add(value(items, item, embedded(items))));
        return list;
      }
      case "object": {
        Map<String, Object> map = new HashMap<>();
        JsonNode additional = Structural.additionalProperties(effective);
        value.fields().forEachRemaining(field -> {
          if (!additional.isMissingNode()) {
            map.put(field.getKey(), value(additional, field.getValue(), embedded(additional)));
          } else if (Structural.properties(effective).has(field.getKey())) {
            JsonNode fieldSchema = Structural.properties(effective).get(field.getKey());
            escape(field.getKey()).ifPresent(name -> map.put(name, value(fieldSchema, field.getValue(), embedded(fieldSchema))));
          }
        });
        return map;
      }
      case "string":
        return switch (effective.path("format").asText()) {
          case "byte" -> ByteString.copyFrom(Base64.getDecoder().decode(value.asText()));
          case "duration" -> duration(value.asText());
          case "date" -> timestamp(LocalDate.parse(value.asText()).atStartOfDay(ZoneOffset.UTC).toInstant());
          case "date-time" -> timestamp(Instant.parse(value.asText()));
          default -> value.asText();
        };
      case "integer":
        return value.asLong();
      case "number":
        return value.asDouble();
      case "boolean":
        return value.asBoolean();
      default:
        return NullValue.NULL_VALUE;
    }
  }

  /** Kubernetes' CEL escaping of property names; empty when the name cannot be reached from CEL. */
  static Optional<String> escape(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return Optional.empty();
    }
    if (RESERVED.contains(name)) {
      return Optional.of("__" + name + "__");
    }
    StringBuilder escaped = new StringBuilder();
    Matcher matcher = EXPAND.matcher(name);
    while (matcher.find()) {
      String replacement = switch (matcher.group()) {
        case "__" -> "__underscores__";
        case "." -> "__dot__";
        case "-" -> "__dash__";
        case "/" -> "__slash__";
        default -> null;
      };
      if (replacement == null) {
        return Optional.empty();
      }
      matcher.appendReplacement(escaped, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(escaped);
    return Optional.of(escaped.toString());
  }

  private static boolean embedded(JsonNode schema) {
    return Structural.flag(schema, "x-kubernetes-embedded-resource");
  }

  /** The root of a resource always exposes apiVersion, kind, metadata.name and metadata.generateName. */
  private static JsonNode withTypeAndObjectMeta(JsonNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.put("type", "object");
    ObjectNode properties = copy.withObjectProperty("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    ObjectNode metadata = properties.putObject("metadata").put("type", "object").putObject("properties");
    metadata.putObject("name").put("type", "string");
    metadata.putObject("generateName").put("type", "string");
    return copy;
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static Duration duration(String text) {
    if (text.equals("0")) {
      return Duration.getDefaultInstance();
    }
    boolean negative = text.startsWith("-");
    String rest = negative || text.startsWith("+") ? text.substring(1) : text;
    double nanos = 0;
    Matcher matcher = GO_DURATION.matcher(rest);
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      double unit = switch (matcher.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      nanos += Double.parseDouble(matcher.group(1)) * unit;
      end = matcher.end();
    }
    if (end != rest.length() || rest.isEmpty()) {
      throw new IllegalArgumentException("not a Go duration: " + text);
    }
    long total = (long) (negative ? -nanos : nanos);
    return Duration.newBuilder().setSeconds(total / 1_000_000_000L).setNanos((int) (total % 1_000_000_000L)).build();
  }
}
