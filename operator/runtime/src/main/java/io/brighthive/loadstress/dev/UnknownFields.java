package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields of a custom resource that its CRD's structural schema does not declare. The API server drops them
 * (pruning) and, under {@code fieldValidation=Strict} as kubectl sends it, rejects the request instead; it reports
 * them as {@code spec.mdoe} or {@code spec.items[0].x}. {@code x-kubernetes-preserve-unknown-fields},
 * {@code additionalProperties} and {@code x-kubernetes-embedded-resource} keep fields as they do there.
 * Values are not validated (types, enums, patterns and CEL rules are not checked).
 */
final class UnknownFields {
  private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
      "annotations", "ownerReferences", "finalizers", "managedFields");
  private static final Set<String> TYPE_AND_META = Set.of("apiVersion", "kind", "metadata");

  private UnknownFields() {}

  /** Removes the undeclared fields from {@code object} and returns their paths. */
  static List<String> prune(ObjectNode object, JsonNode schema) {
    List<String> unknown = new ArrayList<>();
    if (schema == null || !schema.isObject()) {
      return unknown;
    }
    if (object.get("metadata") instanceof ObjectNode metadata) {
      removeUnless(metadata, OBJECT_META::contains, "metadata.", unknown);
    }
    walkObject(object, schema, "", unknown, TYPE_AND_META);
    return unknown;
  }

  private static void walk(JsonNode value, JsonNode schema, String path, List<String> unknown) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (value instanceof ObjectNode object) {
      boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
      walkObject(object, schema, path, unknown, embedded ? TYPE_AND_META : Set.of());
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), schema.get("items"), path + "[" + i + "]", unknown);
      }
    }
  }

  private static void walkObject(ObjectNode object, JsonNode schema, String path, List<String> unknown, Set<String> always) {
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean declaresFields = properties != null || additional != null || "object".equals(schema.path("type").asText());
    if (!declaresFields) {
      return;
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (always.contains(name)) {
        continue;
      }
      if (properties != null && properties.has(name)) {
        walk(field.getValue(), properties.get(name), prefix + name, unknown);
      } else if (additional != null && additional.isObject()) {
        walk(field.getValue(), additional, prefix + name, unknown);
      } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
        unknown.add(prefix + name);
        it.remove();
      }
    }
  }

  private static void removeUnless(ObjectNode object, java.util.function.Predicate<String> known, String prefix,
      List<String> unknown) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
      String name = it.next();
      if (!known.test(name)) {
        unknown.add(prefix + name);
        it.remove();
      }
    }
  }
}
