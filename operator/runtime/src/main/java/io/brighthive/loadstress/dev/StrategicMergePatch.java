package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for built-in kinds, as far as kubectl uses it on the kinds this server offers: lists with a
 * known merge key merge element by element, finalizers merge as a set, and the {@code $patch},
 * {@code $retainKeys}, {@code $setElementOrder} and {@code $deleteFromPrimitiveList} directives are honoured.
 * Other lists are replaced.
 */
final class StrategicMergePatch {
  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"), Map.entry("initContainers", "name"), Map.entry("ephemeralContainers", "name"),
      Map.entry("env", "name"), Map.entry("volumes", "name"), Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"), Map.entry("imagePullSecrets", "name"), Map.entry("conditions", "type"),
      Map.entry("ownerReferences", "uid"), Map.entry("hostAliases", "ip"), Map.entry("secrets", "name"),
      Map.entry("topologySpreadConstraints", "topologyKey"));
  private static final Set<String> SET_LISTS = Set.of("finalizers");
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  /** Returns the patched value, or null when the patch deletes it ({@code $patch: delete}). */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return strip(patch);
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("replace")) {
      return strip(patch);
    }
    if (directive.equals("delete")) {
      return null;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.startsWith(DELETE_FROM)) {
        deleteFromList(result, name.substring(DELETE_FROM.length()), value);
      } else if (name.startsWith("$")) {
        continue;
      } else if (value.isNull()) {
        result.remove(name);
      } else if (value.isArray()) {
        result.set(name, mergeList(result.get(name), (ArrayNode) value, name));
      } else {
        JsonNode merged = apply(result.get(name), value);
        if (merged == null) {
          result.remove(name);
        } else {
          result.set(name, merged);
        }
      }
    }
    if (patch.path("$retainKeys").isArray()) {
      Set<String> keep = new HashSet<>();
      patch.path("$retainKeys").forEach(k -> keep.add(k.asText()));
      result.retain(keep);
    }
    return result;
  }

  private static JsonNode mergeList(JsonNode current, ArrayNode patch, String field) {
    if (SET_LISTS.contains(field) && current != null && current.isArray()) {
      ArrayNode union = ((ArrayNode) current).deepCopy();
      patch.forEach(v -> {
        if (!contains(union, v)) {
          union.add(v.deepCopy());
        }
      });
      return union;
    }
    String key = mergeKey(field, patch);
    if (key == null || current == null || !current.isArray()) {
      return strip(removeDeleted(patch));
    }
    ArrayNode result = ((ArrayNode) current).deepCopy();
    for (JsonNode element : patch) {
      int index = indexOf(result, key, element.path(key));
      boolean delete = element.path("$patch").asText("").equals("delete");
      if (index >= 0 && delete) {
        result.remove(index);
      } else if (index >= 0) {
        result.set(index, apply(result.get(index), element));
      } else if (!delete) {
        result.add(strip(element));
      }
    }
    return result;
  }

  private static String mergeKey(String field, ArrayNode patch) {
    if (field.equals("ports")) {
      return patch.size() > 0 && patch.get(0).has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static void deleteFromList(ObjectNode target, String field, JsonNode values) {
    if (target.get(field) instanceof ArrayNode list) {
      for (int i = list.size() - 1; i >= 0; i--) {
        if (contains(values, list.get(i))) {
          list.remove(i);
        }
      }
    }
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path(key).equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode element : list) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static ArrayNode removeDeleted(ArrayNode list) {
    ArrayNode kept = Json.array();
    list.forEach(e -> {
      if (!e.path("$patch").asText("").equals("delete")) {
        kept.add(e);
      }
    });
    return kept;
  }

  /** Removes directives from a value that is inserted as it is. */
  private static JsonNode strip(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      value.fields().forEachRemaining(f -> {
        if (!f.getKey().startsWith("$")) {
          copy.set(f.getKey(), strip(f.getValue()));
        }
      });
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = Json.array();
      value.forEach(e -> copy.add(strip(e)));
      return copy;
    }
    return value.deepCopy();
  }
}
