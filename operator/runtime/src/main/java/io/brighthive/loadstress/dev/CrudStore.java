package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * fabric8's CRUD mock as the object store. It keeps objects, resourceVersions, generations, the status
 * subresource and finalizers; this subclass reports every change it commits to the {@link WatchHub}, stamping a
 * deletion with a resourceVersion of its own as the API server does. Callers pass clean paths (no query): the
 * dispatcher, not the mock, evaluates selectors.
 */
final class CrudStore extends KubernetesCrudDispatcher {
  private final WatchHub hub;

  CrudStore(WatchHub hub) {
    super(List.of());
    this.hub = hub;
  }

  /** A list as the mock returns it: items and the store's resourceVersion at the time of the read. */
  record Listing(List<ObjectNode> items, String resourceVersion) {}

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    // Called with the mock's write lock held, which orders the hub's log like the store's commits.
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    long deletionVersion = newState == null && existing != null ? requestResourceVersion() : 0;
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (Objects.equals(existing, newState)) {
      return;
    }
    ObjectNode previous = existing == null ? null : Json.parseObject(existing);
    ObjectNode next = newState == null ? null : Json.parseObject(newState);
    long version = next == null ? deletionVersion : resourceVersion(next);
    if (previous != null && next != null && version == resourceVersion(previous)) {
      return;
    }
    ObjectNode any = next != null ? next : previous;
    ResourcePath where = ResourcePath.parse(path).orElseThrow();
    JsonNode metadata = any.path("metadata");
    hub.publish(new WatchHub.Key(where.group(), where.plural(), metadata.path("namespace").asText(null),
        metadata.path("name").asText()), previous, next, version);
  }

  private static long resourceVersion(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asLong(0);
  }

  Optional<ObjectNode> get(ResourcePath path) {
    MockResponse response = call(HttpMethod.GET, path.url(false), null);
    return response.code() == 200 ? Optional.of(Json.parseObject(body(response))) : Optional.empty();
  }

  ObjectNode require(ResourcePath path) {
    return get(path).orElseThrow(() -> ApiException.notFound(path));
  }

  /** The objects of one resource (in one namespace or all), in namespace and name order. */
  Listing list(ResourcePath collection) {
    MockResponse response = call(HttpMethod.GET, collection.collection().url(false), null);
    JsonNode body = Json.parse(body(response));
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode item : (ArrayNode) body.path("items")) {
      if (groupOf(item.path("apiVersion").asText()).equals(collection.group())) {
        items.add((ObjectNode) item);
      }
    }
    items.sort((a, b) -> WatchHub.Key.ORDER.compare(key(a), key(b)));
    return new Listing(items, body.path("metadata").path("resourceVersion").asText("0"));
  }

  ObjectNode create(ResourcePath collection, ObjectNode object) {
    MockResponse response = call(HttpMethod.POST, collection.collection().url(false), object);
    if (response.code() == 409) {
      throw ApiException.alreadyExists(collection, object.path("metadata").path("name").asText());
    }
    return answer(response, collection);
  }

  /** Replaces an object, or only its status when {@code path} is the status subresource. Empty if it was deleted. */
  Optional<ObjectNode> update(ResourcePath path, ObjectNode object) {
    MockResponse response = call(HttpMethod.PUT, path.url(true), object);
    if (response.code() == 409) {
      throw ApiException.conflict(path);
    }
    if (response.code() == 200 && body(response).length == 0) {
      return Optional.empty();
    }
    return Optional.of(answer(response, path));
  }

  /** Deletes an object, or marks it for deletion while it has finalizers. */
  void delete(ResourcePath path) {
    MockResponse response = call(HttpMethod.DELETE, path.url(false), null);
    if (response.code() == 404) {
      throw ApiException.notFound(path);
    }
  }

  private ObjectNode answer(MockResponse response, ResourcePath path) {
    if (response.code() == 404) {
      throw ApiException.notFound(path);
    }
    byte[] body = body(response);
    if (response.code() >= 400) {
      String message = body.length == 0 ? "request failed" : Json.parse(body).path("message").asText("request failed");
      throw new ApiException(response.code(), response.code() == 422 ? "Invalid" : "BadRequest", message, path);
    }
    return Json.parseObject(body);
  }

  private MockResponse call(HttpMethod method, String path, ObjectNode body) {
    Headers headers = Headers.builder().add("Content-Type", ApiResponse.JSON).build();
    byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
    return dispatch(new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(bytes)));
  }

  private static byte[] body(MockResponse response) {
    return response.getBody() == null ? new byte[0] : response.getBody().getBytes();
  }

  static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static WatchHub.Key key(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    return new WatchHub.Key("", "", metadata.path("namespace").asText(null), metadata.path("name").asText());
  }
}
