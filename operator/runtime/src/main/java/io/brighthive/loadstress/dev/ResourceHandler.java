package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The verbs on resources: get, list, create, update, patch, delete and deletecollection, for objects and for the
 * status subresource. Reads and writes go to the {@link CrudStore}; this class adds what the mock does not do:
 * selectors, Tables, every PATCH type, optimistic locking on status writes, and keeping deletionTimestamp.
 */
final class ResourceHandler {
  private static final int PATCH_ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final CrudStore store;
  private final TableConverter tables;

  ResourceHandler(CrudStore store, TableConverter tables) {
    this.store = store;
    this.tables = tables;
  }

  ApiResponse handle(ApiRequest request, ResourcePath path, ApiResource resource) {
    return switch (request.method()) {
      case "GET" -> path.isCollection() ? list(request, path, resource) : get(request, path, resource);
      case "POST" -> create(request, path, resource);
      case "PUT" -> update(request, path, resource);
      case "PATCH" -> patch(request, path, resource);
      case "DELETE" -> path.isCollection() ? deleteCollection(request, path) : delete(request, path);
      default -> throw ApiException.methodNotAllowed(request.method());
    };
  }

  private ApiResponse get(ApiRequest request, ResourcePath path, ApiResource resource) {
    ObjectNode object = store.require(path);
    if (request.wantsTable()) {
      String version = object.path("metadata").path("resourceVersion").asText();
      return ApiResponse.json(200, tables.table(resource, List.of(object), version, request.param("includeObject")));
    }
    return ApiResponse.json(200, object);
  }

  private ApiResponse list(ApiRequest request, ResourcePath path, ApiResource resource) {
    CrudStore.Listing listing = store.list(path);
    Selectors selectors = Selectors.parse(request.param("labelSelector"), request.param("fieldSelector"));
    List<ObjectNode> items = listing.items().stream().filter(selectors::matches).toList();
    if (request.wantsTable()) {
      return ApiResponse.json(200, tables.table(resource, items, listing.resourceVersion(), request.param("includeObject")));
    }
    ObjectNode list = Json.object().put("apiVersion", path.apiVersion())
        .put("kind", resource.kind().isEmpty() ? "List" : resource.kind() + "List");
    list.putObject("metadata").put("resourceVersion", listing.resourceVersion());
    ArrayNode array = list.putArray("items");
    items.forEach(array::add);
    return ApiResponse.json(200, list);
  }

  private ApiResponse create(ApiRequest request, ResourcePath path, ApiResource resource) {
    if (!path.isCollection()) {
      throw ApiException.methodNotAllowed("POST");
    }
    ObjectNode object = Json.parseObject(request.body());
    prepareNew(object, path, resource);
    List<String> warnings = checkFields(request, object, resource);
    if (request.param("dryRun") != null) {
      return ApiResponse.json(201, object).withWarnings(warnings);
    }
    return ApiResponse.json(201, store.create(path, object)).withWarnings(warnings);
  }

  private ApiResponse update(ApiRequest request, ResourcePath path, ApiResource resource) {
    if (path.isCollection()) {
      throw ApiException.methodNotAllowed("PUT");
    }
    ObjectNode object = Json.parseObject(request.body());
    ObjectNode current = store.require(path);
    checkVersion(path, current, object);
    keepDeletion(current, object);
    List<String> warnings = checkFields(request, object, resource);
    if (request.param("dryRun") != null) {
      return ApiResponse.json(200, object).withWarnings(warnings);
    }
    return ApiResponse.json(200, store.update(path, object).orElse(object)).withWarnings(warnings);
  }

  private ApiResponse patch(ApiRequest request, ResourcePath path, ApiResource resource) {
    if (path.isCollection()) {
      throw ApiException.methodNotAllowed("PATCH");
    }
    PatchType type = PatchType.of(request.contentType());
    JsonNode patch = Json.parse(request.body());
    for (int attempt = 1; ; attempt++) {
      Optional<ObjectNode> current = store.get(path);
      if (current.isEmpty()) {
        if (type == PatchType.APPLY && !path.isStatus() && patch.isObject()) {
          ObjectNode object = ((ObjectNode) patch).deepCopy();
          Json.child(object, "metadata").put("name", path.name());
          prepareNew(object, path.collection(), resource);
          List<String> warnings = checkFields(request, object, resource);
          return ApiResponse.json(201, store.create(path.collection(), object)).withWarnings(warnings);
        }
        throw ApiException.notFound(path);
      }
      ObjectNode patched = type.apply(current.get(), patch, !resource.isCustom());
      String before = version(current.get());
      boolean explicitVersion = !version(patched).isEmpty() && !version(patched).equals(before);
      checkVersion(path, current.get(), patched);
      ObjectNode metadata = Json.child(patched, "metadata");
      metadata.put("name", path.name());
      keepDeletion(current.get(), patched);
      List<String> warnings = checkFields(request, patched, resource);
      if (request.param("dryRun") != null) {
        return ApiResponse.json(200, patched).withWarnings(warnings);
      }
      try {
        return ApiResponse.json(200, store.update(path, patched).orElse(patched)).withWarnings(warnings);
      } catch (ApiException conflict) {
        if (conflict.code() != 409 || explicitVersion || attempt == PATCH_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  private ApiResponse delete(ApiRequest request, ResourcePath path) {
    ObjectNode current = store.require(path);
    if (request.body().length > 0) {
      JsonNode preconditions = Json.parse(request.body()).path("preconditions");
      String uid = preconditions.path("uid").asText("");
      String version = preconditions.path("resourceVersion").asText("");
      if (!uid.isEmpty() && !uid.equals(current.path("metadata").path("uid").asText())
          || !version.isEmpty() && !version.equals(version(current))) {
        throw ApiException.conflict(path);
      }
    }
    if (request.param("dryRun") != null) {
      return ApiResponse.json(200, current);
    }
    store.delete(path);
    return ApiResponse.json(200, store.get(path).orElse(current));
  }

  private ApiResponse deleteCollection(ApiRequest request, ResourcePath path) {
    Selectors selectors = Selectors.parse(request.param("labelSelector"), request.param("fieldSelector"));
    for (ObjectNode item : store.list(path).items()) {
      if (selectors.matches(item)) {
        JsonNode metadata = item.path("metadata");
        store.delete(path.withNamespace(metadata.path("namespace").asText(null)).withName(metadata.path("name").asText()));
      }
    }
    return ApiResponse.json(200, ApiException.status(200, null, "deleted", null));
  }

  /** Fills in what a create may leave out and generates the name from generateName as the API server does. */
  private static void prepareNew(ObjectNode object, ResourcePath collection, ApiResource resource) {
    if (!object.hasNonNull("apiVersion")) {
      object.put("apiVersion", collection.apiVersion());
    }
    if (!object.hasNonNull("kind") && !resource.kind().isEmpty()) {
      object.put("kind", resource.kind());
    }
    if (!resource.kind().isEmpty() && !resource.kind().equals(object.path("kind").asText())) {
      throw ApiException.badRequest("the kind in the body (" + object.path("kind").asText() + ") does not match "
          + resource.kind() + ", the kind of " + collection.groupResource());
    }
    ObjectNode metadata = Json.child(object, "metadata");
    if (metadata.path("name").asText("").isEmpty() && !metadata.path("generateName").asText("").isEmpty()) {
      metadata.put("name", metadata.path("generateName").asText() + randomSuffix());
    }
    if (metadata.path("name").asText("").isEmpty()) {
      throw ApiException.invalid(collection, resource.kind() + " is invalid: metadata.name: Required value: name or generateName is required");
    }
    if (collection.namespace() != null && metadata.path("namespace").asText("").isEmpty()) {
      metadata.put("namespace", collection.namespace());
    }
    metadata.remove(List.of("resourceVersion", "uid", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"));
  }

  /**
   * Prunes fields a custom resource's schema does not declare; with {@code fieldValidation=Strict} (kubectl's
   * default) rejects them instead, and otherwise reports them as warnings, as the API server does.
   */
  private static List<String> checkFields(ApiRequest request, ObjectNode object, ApiResource resource) {
    if (!resource.isCustom()) {
      return List.of();
    }
    List<String> unknown = UnknownFields.prune(object, resource.schema()).stream()
        .map(field -> "unknown field \"" + field + "\"").toList();
    String validation = request.param("fieldValidation");
    if (!unknown.isEmpty() && "Strict".equals(validation)) {
      throw ApiException.badRequest(resource.kind() + " in version \"" + resource.version() + "\" cannot be handled as a "
          + resource.kind() + ": strict decoding error: " + String.join(", ", unknown));
    }
    return "Ignore".equals(validation) ? List.of() : unknown;
  }

  /** An update that names a resourceVersion must name the current one; the mock does not check this for status. */
  private static void checkVersion(ResourcePath path, ObjectNode current, ObjectNode update) {
    String requested = version(update);
    if (!requested.isEmpty() && !requested.equals(version(current))) {
      throw ApiException.conflict(path);
    }
  }

  /** deletionTimestamp cannot be set or cleared by an update; the mock would take the body's. */
  private static void keepDeletion(ObjectNode current, ObjectNode update) {
    ObjectNode metadata = Json.child(update, "metadata");
    for (String field : List.of("deletionTimestamp", "deletionGracePeriodSeconds")) {
      JsonNode value = current.path("metadata").get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value);
      }
    }
  }

  private static String version(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asText("");
  }

  private static String randomSuffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return suffix.toString();
  }
}
