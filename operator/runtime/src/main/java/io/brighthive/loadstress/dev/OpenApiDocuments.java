package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI v3: the {@code /openapi/v3} index and one document per group version. CRD kinds get their
 * openAPIV3Schema (which {@code kubectl explain} reads). Every PATCH operation lists the {@code fieldValidation}
 * parameter and carries the kind's GVK, which is how kubectl (QueryParamVerifierV3) decides that the server
 * validates fields itself instead of downloading {@code /openapi/v2} for client-side validation. No kind offers
 * strategic merge patch here, so {@code kubectl apply} sends custom kinds JSON merge patches, as against a real server.
 */
final class OpenApiDocuments {
  private final ApiCatalog catalog;

  OpenApiDocuments(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  ApiResponse index() {
    ObjectNode index = Json.object();
    ObjectNode paths = index.putObject("paths");
    catalog.groupVersions().forEach((group, versions) -> versions.forEach(version -> {
      String key = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
      paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(document(group, version)));
    }));
    return ApiResponse.json(200, index);
  }

  /** {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/<group>/<version>}. */
  ApiResponse document(String path) {
    String[] parts = path.replaceFirst("^/openapi/v3/", "").split("/");
    boolean core = parts.length == 2 && parts[0].equals("api");
    boolean grouped = parts.length == 3 && parts[0].equals("apis");
    if (!core && !grouped) {
      return ApiResponse.json(404, ApiException.status(404, "NotFound", "no OpenAPI document at " + path, null));
    }
    String group = core ? "" : parts[1];
    String version = parts[parts.length - 1];
    if (catalog.inGroupVersion(group, version).isEmpty()) {
      return ApiResponse.json(404, ApiException.status(404, "NotFound", "no OpenAPI document at " + path, null));
    }
    return ApiResponse.json(200, document(group, version));
  }

  private ObjectNode document(String group, String version) {
    ObjectNode doc = Json.object().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    OpenApiSchemas.common(schemas);
    for (ApiResource resource : catalog.inGroupVersion(group, version)) {
      String kindSchema = OpenApiSchemas.name(resource);
      schemas.set(kindSchema, OpenApiSchemas.kind(resource));
      schemas.set(kindSchema + "List", OpenApiSchemas.list(resource, kindSchema));
      addPaths(paths, resource, kindSchema);
    }
    return doc;
  }

  private static void addPaths(ObjectNode paths, ApiResource r, String schema) {
    String base = (r.group().isEmpty() ? "/api/" : "/apis/" + r.group() + "/") + r.version()
        + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.plural();
    ObjectNode collection = paths.putObject(base);
    collection.set("get", operation(r, "list", schema + "List", List.of()));
    collection.set("post", body(operation(r, "post", schema, List.of("dryRun", "fieldManager", "fieldValidation")),
        Map.of("application/json", schema)));
    collection.set("delete", operation(r, "deletecollection", "io.k8s.apimachinery.pkg.apis.meta.v1.Status", List.of()));
    pathParameters(collection, r.namespaced(), false);
    ObjectNode item = paths.putObject(base + "/{name}");
    itemOperations(item, r, schema);
    item.set("delete", operation(r, "delete", schema, List.of("dryRun")));
    pathParameters(item, r.namespaced(), true);
    if (r.statusSubresource()) {
      ObjectNode status = paths.putObject(base + "/{name}/status");
      itemOperations(status, r, schema);
      pathParameters(status, r.namespaced(), true);
    }
  }

  private static void itemOperations(ObjectNode path, ApiResource r, String schema) {
    path.set("get", operation(r, "get", schema, List.of()));
    path.set("put", body(operation(r, "put", schema, List.of("dryRun", "fieldManager", "fieldValidation")),
        Map.of("application/json", schema)));
    String patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    // Strategic merge patch is not listed even for built-in kinds, whose schemas here are too thin to compute one:
    // kubectl then computes it from the types compiled into it, silently, instead of warning about the schema.
    Map<String, String> types = Map.of("application/json-patch+json", patch, "application/merge-patch+json", patch,
        "application/apply-patch+yaml", patch);
    path.set("patch", body(operation(r, "patch", schema, List.of("dryRun", "fieldManager", "fieldValidation", "force")), types));
  }

  private static ObjectNode operation(ApiResource r, String action, String responseSchema, List<String> queryParameters) {
    ObjectNode op = Json.object().put("operationId", action + r.kind());
    var parameters = op.putArray("parameters");
    for (String name : queryParameters) {
      parameters.addObject().put("name", name).put("in", "query").put("description", name)
          .putObject("schema").put("type", name.equals("force") ? "boolean" : "string").put("uniqueItems", true);
    }
    op.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + responseSchema);
    op.put("x-kubernetes-action", action);
    op.putObject("x-kubernetes-group-version-kind").put("group", r.group()).put("version", r.version()).put("kind", r.kind());
    return op;
  }

  private static ObjectNode body(ObjectNode operation, Map<String, String> contentTypes) {
    ObjectNode requestBody = operation.putObject("requestBody");
    ObjectNode content = requestBody.putObject("content");
    contentTypes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        content.putObject(e.getKey()).putObject("schema").put("$ref", "#/components/schemas/" + e.getValue()));
    requestBody.put("required", true);
    return operation;
  }

  private static void pathParameters(ObjectNode path, boolean namespaced, boolean named) {
    var parameters = path.putArray("parameters");
    if (named) {
      parameters.addObject().put("name", "name").put("in", "path").put("required", true)
          .put("description", "name of the resource").putObject("schema").put("type", "string").put("uniqueItems", true);
    }
    if (namespaced) {
      parameters.addObject().put("name", "namespace").put("in", "path").put("required", true)
          .put("description", "object name and auth scope").putObject("schema").put("type", "string").put("uniqueItems", true);
    }
    parameters.addObject().put("name", "pretty").put("in", "query").put("description", "pretty")
        .putObject("schema").put("type", "string").put("uniqueItems", true);
  }

  static String hash(JsonNode document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(Json.text(document).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
