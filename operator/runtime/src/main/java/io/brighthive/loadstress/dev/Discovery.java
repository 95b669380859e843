package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Discovery documents. kubectl 1.26+ first asks {@code /api} and {@code /apis} for the aggregated form
 * (apidiscovery.k8s.io v2 or v2beta1), which saves it one request per group version; clients that do not ask
 * for it (fabric8) get the legacy APIVersions, APIGroupList and APIResourceList documents.
 */
final class Discovery {
  static final String KUBERNETES_VERSION = "v1.32.0";
  private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=%s;as=APIGroupDiscoveryList";
  private final ApiCatalog catalog;
  private final Supplier<String> serverAddress;

  Discovery(ApiCatalog catalog, Supplier<String> serverAddress) {
    this.catalog = catalog;
    this.serverAddress = serverAddress;
  }

  ApiResponse version() {
    ObjectNode info = Json.object().put("major", "1").put("minor", "32").put("gitVersion", KUBERNETES_VERSION)
        .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
        .put("buildDate", "2025-01-01T00:00:00Z").put("goVersion", "go1.23.0").put("compiler", "gc")
        .put("platform", "linux/amd64");
    return ApiResponse.json(200, info);
  }

  /** {@code /api}. */
  ApiResponse legacyRoot(ApiRequest request) {
    String aggregated = aggregatedVersion(request);
    if (aggregated != null) {
      return aggregatedList(aggregated, true);
    }
    ObjectNode versions = Json.object().put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress.get());
    return ApiResponse.json(200, versions);
  }

  /** {@code /apis}. */
  ApiResponse groupsRoot(ApiRequest request) {
    String aggregated = aggregatedVersion(request);
    if (aggregated != null) {
      return aggregatedList(aggregated, false);
    }
    ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    catalog.groupVersions().forEach((group, versions) -> {
      if (!group.isEmpty()) {
        groups.add(group(group, versions));
      }
    });
    return ApiResponse.json(200, list);
  }

  /** {@code /apis/<group>}. */
  ApiResponse group(String name) {
    List<String> versions = catalog.groupVersions().get(name);
    if (versions == null) {
      return notFound();
    }
    return ApiResponse.json(200, group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1"));
  }

  /** {@code /api/v1} and {@code /apis/<group>/<version>}. */
  ApiResponse resources(String group, String version) {
    List<ApiResource> resources = catalog.inGroupVersion(group, version);
    if (resources.isEmpty()) {
      return notFound();
    }
    ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", resources.get(0).apiVersion());
    ArrayNode entries = list.putArray("resources");
    for (ApiResource r : resources) {
      ObjectNode entry = entries.addObject().put("name", r.plural()).put("singularName", r.singular())
          .put("namespaced", r.namespaced()).put("kind", r.kind());
      strings(entry.putArray("verbs"), ApiResource.VERBS);
      strings(entry.putArray("shortNames"), r.shortNames());
      strings(entry.putArray("categories"), r.categories());
      if (r.statusSubresource()) {
        ObjectNode status = entries.addObject().put("name", r.plural() + "/status").put("singularName", "")
            .put("namespaced", r.namespaced()).put("kind", r.kind());
        strings(status.putArray("verbs"), ApiResource.STATUS_VERBS);
      }
    }
    return ApiResponse.json(200, list);
  }

  private ObjectNode group(String name, List<String> versions) {
    ObjectNode group = Json.object().put("name", name);
    ArrayNode entries = group.putArray("versions");
    versions.forEach(v -> entries.addObject().put("groupVersion", name + "/" + v).put("version", v));
    group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
    return group;
  }

  private ApiResponse aggregatedList(String apiVersion, boolean core) {
    ObjectNode list = Json.object().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/" + apiVersion);
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (Map.Entry<String, List<String>> group : catalog.groupVersions().entrySet()) {
      if (group.getKey().isEmpty() != core) {
        continue;
      }
      ObjectNode item = items.addObject();
      item.putObject("metadata").put("name", group.getKey());
      ArrayNode versions = item.putArray("versions");
      for (String version : group.getValue()) {
        ObjectNode entry = versions.addObject().put("version", version);
        ArrayNode resources = entry.putArray("resources");
        catalog.inGroupVersion(group.getKey(), version).forEach(r -> resources.add(aggregatedResource(r)));
        entry.put("freshness", "Current");
      }
    }
    return ApiResponse.json(200, list, AGGREGATED.formatted(apiVersion));
  }

  private static ObjectNode aggregatedResource(ApiResource r) {
    ObjectNode entry = Json.object().put("resource", r.plural());
    entry.putObject("responseKind").put("group", r.group()).put("version", r.version()).put("kind", r.kind());
    entry.put("scope", r.namespaced() ? "Namespaced" : "Cluster").put("singularResource", r.singular());
    strings(entry.putArray("verbs"), ApiResource.VERBS);
    strings(entry.putArray("shortNames"), r.shortNames());
    strings(entry.putArray("categories"), r.categories());
    if (r.statusSubresource()) {
      ObjectNode status = entry.putArray("subresources").addObject().put("subresource", "status");
      status.putObject("responseKind").put("group", r.group()).put("version", r.version()).put("kind", r.kind());
      strings(status.putArray("verbs"), ApiResource.STATUS_VERBS);
    }
    return entry;
  }

  /** v2 or v2beta1 when the Accept header prefers the aggregated form, otherwise null. */
  private static String aggregatedVersion(ApiRequest request) {
    for (String accepted : request.header("accept").split(",")) {
      String type = accepted.replace(" ", "");
      if (type.contains("as=APIGroupDiscoveryList") && type.contains("g=apidiscovery.k8s.io")) {
        if (type.contains("v=v2;") || type.endsWith("v=v2")) {
          return "v2";
        }
        if (type.contains("v=v2beta1")) {
          return "v2beta1";
        }
      } else if (!type.isEmpty()) {
        return null;
      }
    }
    return null;
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  private static ApiResponse notFound() {
    return ApiResponse.json(404, ApiException.status(404, "NotFound", "the server could not find the requested resource", null));
  }
}
