package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The built-in kinds this server offers besides the installed CRDs, with the columns kubectl shows for them. */
final class BuiltinResources {
  static final String APIEXTENSIONS = "apiextensions.k8s.io";
  static final String CRDS = "customresourcedefinitions";

  private BuiltinResources() {}

  static List<ApiResource> all() {
    return List.of(
        core("namespaces", "Namespace", false, List.of("ns"), true,
            List.of(PrinterColumn.path("Status", "string", ".status.phase"), PrinterColumn.age())),
        core("events", "Event", true, List.of("ev"), false, eventColumns()),
        core("configmaps", "ConfigMap", true, List.of("cm"), false,
            List.of(PrinterColumn.computed("Data", "integer", BuiltinResources::dataCount), PrinterColumn.age())),
        core("secrets", "Secret", true, List.of(), false, List.of(PrinterColumn.path("Type", "string", ".type"),
            PrinterColumn.computed("Data", "integer", BuiltinResources::dataCount), PrinterColumn.age())),
        core("pods", "Pod", true, List.of("po"), List.of("all"), true,
            List.of(PrinterColumn.path("Status", "string", ".status.phase"), PrinterColumn.age())),
        core("services", "Service", true, List.of("svc"), List.of("all"), true,
            List.of(PrinterColumn.path("Type", "string", ".spec.type"), PrinterColumn.age())),
        core("serviceaccounts", "ServiceAccount", true, List.of("sa"), false, List.of(PrinterColumn.age())),
        core("endpoints", "Endpoints", true, List.of("ep"), false, List.of(PrinterColumn.age())),
        new ApiResource("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, List.of(), List.of(), false,
            List.of(PrinterColumn.path("Holder", "string", ".spec.holderIdentity"), PrinterColumn.age()), null),
        new ApiResource("events.k8s.io", "v1", "events", "event", "Event", true, List.of("ev"), List.of(), false,
            List.of(PrinterColumn.path("Type", "string", ".type"), PrinterColumn.path("Reason", "string", ".reason"),
                PrinterColumn.path("Note", "string", ".note"), PrinterColumn.age()), null),
        new ApiResource(APIEXTENSIONS, "v1", CRDS, "customresourcedefinition", "CustomResourceDefinition", false,
            List.of("crd", "crds"), List.of("api-extensions"), true,
            List.of(PrinterColumn.computed("Created At", "string", crd -> crd.path("metadata").path("creationTimestamp").asText(null))),
            null));
  }

  private static ApiResource core(String plural, String kind, boolean namespaced, List<String> shortNames, boolean status,
      List<PrinterColumn> columns) {
    return core(plural, kind, namespaced, shortNames, List.of(), status, columns);
  }

  private static ApiResource core(String plural, String kind, boolean namespaced, List<String> shortNames,
      List<String> categories, boolean status, List<PrinterColumn> columns) {
    String singular = kind.toLowerCase(java.util.Locale.ROOT);
    return new ApiResource("", "v1", plural, singular, kind, namespaced, shortNames, categories, status, columns, null);
  }

  private static List<PrinterColumn> eventColumns() {
    return List.of(
        PrinterColumn.computed("Last Seen", "date", BuiltinResources::lastSeen),
        PrinterColumn.path("Type", "string", ".type"),
        PrinterColumn.path("Reason", "string", ".reason"),
        PrinterColumn.computed("Object", "string", event -> {
          JsonNode ref = event.path("involvedObject");
          return ref.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + "/" + ref.path("name").asText();
        }),
        PrinterColumn.path("Message", "string", ".message"),
        new PrinterColumn("Name", "string", "name", "Name of the event", 1, ".metadata.name", null));
  }

  private static Object lastSeen(JsonNode event) {
    for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
      if (event.path(field).isTextual() && !event.path(field).asText().isEmpty()) {
        return event.path(field).asText();
      }
    }
    return event.path("metadata").path("creationTimestamp").asText(null);
  }

  private static Object dataCount(JsonNode object) {
    return (long) (object.path("data").size() + object.path("binaryData").size());
  }
}
