package io.brighthive.loadstress.admission;

import static io.brighthive.loadstress.admission.FieldError.Layer.DECODING;
import static io.brighthive.loadstress.admission.FieldError.Layer.LIST_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks over an object along a structural schema, as the API server does while decoding: strict
 * field validation (unknown fields), structural defaulting (including the pruning of nulls that
 * the schema does not allow), and the x-kubernetes-list-type invariants.
 */
final class Structural {
  private static final Set<String> OBJECT_META_FIELDS = Set.of(
      "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
      "managedFields");
  private static final Set<String> TYPE_META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Structural() {}

  static JsonNode properties(JsonNode schema) {
    return schema.path("properties");
  }

  /** The schema of a map's values, or a missing node when the object has fixed properties. */
  static JsonNode additionalProperties(JsonNode schema) {
    JsonNode additional = schema.path("additionalProperties");
    return additional.isObject() ? additional : MissingNode.getInstance();
  }

  static JsonNode items(JsonNode schema) {
    return schema.path("items");
  }

  static boolean flag(JsonNode schema, String extension) {
    return schema.path(extension).asBoolean(false);
  }

  static String join(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** The paths of every field the schema does not know, as strict field validation reports them. */
  static List<FieldError> unknownFields(JsonNode schema, JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    unknown(schema, object, "", true, errors);
    return errors;
  }

  private static void unknown(JsonNode schema, JsonNode value, String path, boolean resourceRoot, List<FieldError> errors) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        unknown(items(schema), value.get(i), index(path, i), flag(items(schema), "x-kubernetes-embedded-resource"), errors);
      }
      return;
    }
    if (!value.isObject() || schema.isMissingNode()) {
      return;
    }
    boolean preserve = flag(schema, "x-kubernetes-preserve-unknown-fields");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String fieldPath = join(path, name);
      if (resourceRoot && TYPE_META_FIELDS.contains(name)) {
        if (name.equals("metadata")) {
          field.getValue().fieldNames().forEachRemaining(m -> {
            if (!OBJECT_META_FIELDS.contains(m)) {
              errors.add(FieldError.of(DECODING, Type.UNKNOWN_FIELD, join(fieldPath, m), null, null));
            }
          });
        }
      } else if (properties(schema).has(name)) {
        unknown(properties(schema).get(name), field.getValue(), fieldPath,
            flag(properties(schema).get(name), "x-kubernetes-embedded-resource"), errors);
      } else if (!additionalProperties(schema).isMissingNode()) {
        unknown(additionalProperties(schema), field.getValue(), fieldPath,
            flag(additionalProperties(schema), "x-kubernetes-embedded-resource"), errors);
      } else if (!preserve) {
        errors.add(FieldError.of(DECODING, Type.UNKNOWN_FIELD, fieldPath, null, null));
      }
    }
  }

  /**
   * Applies the schema's defaults in place, and drops nulls that the schema does not allow and
   * cannot default (Kubernetes' structural defaulting and {@code PruneNonNullableNullsWithoutDefaults}).
   */
  static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value.isArray()) {
      value.forEach(item -> applyDefaults(items(schema), item));
      return;
    }
    if (!(value instanceof ObjectNode object)) {
      return;
    }
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    properties(schema).fieldNames().forEachRemaining(name -> {
      if (!names.contains(name)) {
        names.add(name);
      }
    });
    for (String name : names) {
      JsonNode fieldSchema = properties(schema).has(name) ? properties(schema).get(name) : additionalProperties(schema);
      if (fieldSchema.isMissingNode()) {
        continue;
      }
      JsonNode current = object.get(name);
      boolean absentOrNull = current == null || current.isNull();
      if (absentOrNull && fieldSchema.has("default")) {
        object.set(name, fieldSchema.get("default").deepCopy());
      } else if (current != null && current.isNull() && !fieldSchema.path("nullable").asBoolean(false)) {
        object.remove(name);
      }
      if (object.has(name)) {
        applyDefaults(fieldSchema, object.get(name));
      }
    }
  }

  /** Duplicate items in x-kubernetes-list-type set lists and duplicate keys in map lists. */
  static List<FieldError> listTypeErrors(JsonNode schema, JsonNode value, String path) {
    List<FieldError> errors = new ArrayList<>();
    listTypes(schema, value, path, errors);
    return errors;
  }

  private static void listTypes(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    if (value instanceof ArrayNode list) {
      String listType = schema.path("x-kubernetes-list-type").asText("atomic");
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        JsonNode key = listType.equals("map") ? mapKey(schema, item) : item;
        if (!listType.equals("atomic") && !seen.add(key)) {
          errors.add(FieldError.of(LIST_TYPE, Type.DUPLICATE, index(path, i), listType.equals("map") ? key : item, null));
        }
        listTypes(items(schema), item, index(path, i), errors);
      }
    } else if (value.isObject()) {
      value.fields().forEachRemaining(field -> {
        JsonNode fieldSchema = properties(schema).has(field.getKey())
            ? properties(schema).get(field.getKey()) : additionalProperties(schema);
        listTypes(fieldSchema, field.getValue(), join(path, field.getKey()), errors);
      });
    }
  }

  private static JsonNode mapKey(JsonNode schema, JsonNode item) {
    ObjectNode key = Manifests.JSON.createObjectNode();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> key.set(k.asText(), item.path(k.asText())));
    return key;
  }
}
