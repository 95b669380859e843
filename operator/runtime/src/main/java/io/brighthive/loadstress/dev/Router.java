package io.brighthive.loadstress.dev;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to discovery, OpenAPI, or the resource verbs, and turns a watch into a {@link WatchPlan} that the
 * HTTP layer streams. Errors become Status responses.
 */
final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** What to do with a request: answer it at once, or stream a watch. */
  sealed interface Outcome permits Reply, Watch {}

  record Reply(ApiResponse response) implements Outcome {}

  record Watch(WatchPlan plan) implements Outcome {}

  private final Discovery discovery;
  private final OpenApiDocuments openApi;
  private final ApiCatalog catalog;
  private final ResourceHandler resources;

  Router(Discovery discovery, OpenApiDocuments openApi, ApiCatalog catalog, ResourceHandler resources) {
    this.discovery = discovery;
    this.openApi = openApi;
    this.catalog = catalog;
    this.resources = resources;
  }

  Outcome route(ApiRequest request) {
    try {
      if (!request.acceptsJson()) {
        return new Reply(new ApiException(406, "NotAcceptable", "only application/json is served, not "
            + request.header("accept"), null).toResponse());
      }
      if (request.contentType().contains("protobuf") || request.contentType().contains("cbor")) {
        // client-go then retries the request as JSON (its typed clients, as kubectl create uses, prefer protobuf).
        return new Reply(new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown "
            + "format - accepted media types include: application/json, application/yaml", null).toResponse());
      }
      return dispatch(request);
    } catch (ApiException e) {
      return new Reply(e.toResponse());
    } catch (Json.BadRequestException | IllegalArgumentException e) {
      return new Reply(ApiException.badRequest(e.getMessage()).toResponse());
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", request.method(), request.path(), e);
      return new Reply(new ApiException(500, "InternalError", String.valueOf(e.getMessage()), null).toResponse());
    }
  }

  private Outcome dispatch(ApiRequest request) {
    String path = request.path().length() > 1 && request.path().endsWith("/")
        ? request.path().substring(0, request.path().length() - 1) : request.path();
    String[] parts = path.substring(1).split("/");
    boolean get = request.method().equals("GET");
    if (get) {
      Optional<ApiResponse> fixed = fixedDocument(request, path, parts);
      if (fixed.isPresent()) {
        return new Reply(fixed.get());
      }
    }
    ResourcePath resourcePath = ResourcePath.parse(path).orElseThrow(() -> new ApiException(404, "NotFound",
        "the server could not find the requested resource", null));
    if (resourcePath.subresource() != null && !resourcePath.isStatus()) {
      throw new ApiException(404, "NotFound", "the server could not find the requested resource ("
          + resourcePath.subresource() + " is not served)", null);
    }
    ApiResource resource = catalog.find(resourcePath.group(), resourcePath.version(), resourcePath.plural())
        .orElseGet(() -> ApiResource.unknown(resourcePath));
    if (get && (request.isWatch() || resourcePath.watchPrefix())) {
      return new Watch(WatchPlan.of(request, resourcePath, resource));
    }
    return new Reply(resources.handle(request, resourcePath, resource));
  }

  private Optional<ApiResponse> fixedDocument(ApiRequest request, String path, String[] parts) {
    switch (path) {
      case "/version":
        return Optional.of(discovery.version());
      case "/healthz", "/livez", "/readyz":
        return Optional.of(ApiResponse.text(200, "ok"));
      case "/api":
        return Optional.of(discovery.legacyRoot(request));
      case "/apis":
        return Optional.of(discovery.groupsRoot(request));
      case "/openapi/v3":
        return Optional.of(openApi.index());
      case "/openapi/v2", "/swagger.json":
        return Optional.of(new ApiException(404, "NotFound", "OpenAPI v2 is not served; kubectl uses v3", null).toResponse());
      default:
        break;
    }
    if (path.startsWith("/openapi/v3/")) {
      return Optional.of(openApi.document(path));
    }
    if (parts.length == 2 && parts[0].equals("api")) {
      return Optional.of(discovery.resources("", parts[1]));
    }
    if (parts.length == 2 && parts[0].equals("apis")) {
      return Optional.of(discovery.group(parts[1]));
    }
    if (parts.length == 3 && parts[0].equals("apis")) {
      return Optional.of(discovery.resources(parts[1], parts[2]));
    }
    return Optional.empty();
  }
}
