package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the server offers: the built-in kinds plus one entry per served version of every stored CRD. It is derived
 * from the stored CRDs on every call, so a CRD created or deleted through the API shows up at once.
 */
final class ApiCatalog {
  private final Supplier<List<JsonNode>> crds;

  ApiCatalog(Supplier<List<JsonNode>> crds) {
    this.crds = crds;
  }

  List<ApiResource> resources() {
    List<ApiResource> all = new ArrayList<>(BuiltinResources.all());
    for (JsonNode crd : crds.get()) {
      all.addAll(fromCrd(crd));
    }
    return all;
  }

  Optional<ApiResource> find(String group, String version, String plural) {
    return resources().stream()
        .filter(r -> r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural))
        .findFirst();
  }

  /** Groups in discovery order (core first), each with its versions in preference order. */
  Map<String, List<String>> groupVersions() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ApiResource r : resources()) {
      List<String> versions = groups.computeIfAbsent(r.group(), g -> new ArrayList<>());
      if (!versions.contains(r.version())) {
        versions.add(r.version());
      }
    }
    return groups;
  }

  List<ApiResource> inGroupVersion(String group, String version) {
    return resources().stream().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
  }

  static List<ApiResource> fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ApiResource> result = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      List<PrinterColumn> columns = new ArrayList<>();
      version.path("additionalPrinterColumns").forEach(c -> columns.add(PrinterColumn.fromCrd(c)));
      if (columns.isEmpty()) {
        columns.add(PrinterColumn.age());
      }
      String kind = names.path("kind").asText();
      result.add(new ApiResource(spec.path("group").asText(), version.path("name").asText(), names.path("plural").asText(),
          names.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT)), kind,
          !"Cluster".equals(spec.path("scope").asText()), strings(names.path("shortNames")),
          strings(names.path("categories")), version.path("subresources").has("status"), columns,
          version.path("schema").path("openAPIV3Schema")));
    }
    return result;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
