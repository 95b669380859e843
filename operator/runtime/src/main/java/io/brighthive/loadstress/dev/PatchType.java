package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Arrays;

/**
 * The PATCH media types the API server takes. Each computes the whole new object from the current one; the
 * store then replaces the object, so that generation, resourceVersion, status and finalizer rules are the store's.
 */
enum PatchType {
  JSON("application/json-patch+json"),
  MERGE("application/merge-patch+json"),
  /** The API server answers 415 for custom resources; here it is taken as a JSON merge patch, as for them. */
  STRATEGIC("application/strategic-merge-patch+json"),
  /** Server-side apply, emulated as a merge that creates the object when it is absent; no field ownership. */
  APPLY("application/apply-patch+yaml");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  static PatchType of(String contentType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(contentType)).findFirst()
        .orElseThrow(() -> ApiException.unsupportedMediaType(contentType));
  }

  ObjectNode apply(ObjectNode current, JsonNode patch, boolean builtin) {
    JsonNode result = switch (this) {
      case JSON -> jsonPatch(current, patch);
      case MERGE, APPLY -> MergePatch.apply(current, patch);
      case STRATEGIC -> builtin ? StrategicMergePatch.apply(current, patch) : MergePatch.apply(current, patch);
    };
    if (!(result instanceof ObjectNode object)) {
      throw ApiException.badRequest("the patch does not leave an object");
    }
    return object;
  }

  private static JsonNode jsonPatch(ObjectNode current, JsonNode patch) {
    if (!patch.isArray()) {
      throw ApiException.badRequest("a JSON patch must be an array of operations");
    }
    try {
      return JsonPatch.apply(patch, current);
    } catch (JsonPatchException | IllegalArgumentException e) {
      throw new ApiException(422, "Invalid", "the JSON patch cannot be applied: " + e.getMessage(), null);
    }
  }
}
