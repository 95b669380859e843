package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A resource the server offers: what discovery lists, what the Table shows and, for custom resources, the
 * schema that the OpenAPI document publishes ({@code schema} is null for built-in kinds).
 */
record ApiResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
    List<String> shortNames, List<String> categories, boolean statusSubresource, List<PrinterColumn> columns,
    JsonNode schema) {

  static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  boolean isCustom() {
    return schema != null;
  }

  /** A resource the catalog does not know, stored anyway so that clients of other kinds keep working. */
  static ApiResource unknown(ResourcePath path) {
    return new ApiResource(path.group(), path.version(), path.plural(), path.plural(), "", path.namespace() != null,
        List.of(), List.of(), false, List.of(PrinterColumn.age()), null);
  }
}
