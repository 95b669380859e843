package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a fresh server holds: the standard namespaces and the CRDs. */
final class Seeds {
  private static final ResourcePath NAMESPACES = ResourcePath.parse("/api/v1/namespaces").orElseThrow();
  private static final ResourcePath CRDS = ResourcePath.parse("/apis/apiextensions.k8s.io/v1/customresourcedefinitions").orElseThrow();

  private Seeds() {}

  static void install(CrudStore store, List<Path> crdFiles) {
    for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      ObjectNode namespace = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
      namespace.putObject("metadata").put("name", name);
      namespace.putObject("spec").putArray("finalizers").add("kubernetes");
      namespace.putObject("status").put("phase", "Active");
      store.create(NAMESPACES, namespace);
    }
    for (Path file : crdFiles) {
      for (ObjectNode crd : read(file)) {
        store.create(CRDS, established(crd));
      }
    }
  }

  private static List<ObjectNode> read(Path file) {
    List<ObjectNode> crds = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = Json.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && "CustomResourceDefinition".equals(document.path("kind").asText())) {
          crds.add((ObjectNode) document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRDs from " + file, e);
    }
    if (crds.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no CustomResourceDefinition");
    }
    return crds;
  }

  /**
   * Adds what {@code kubectl apply -f crds/} would have left (its last-applied annotation, so that re-applying
   * the files is quiet) and what the API server adds (the Established status).
   */
  private static ObjectNode established(ObjectNode crd) {
    ObjectNode applied = crd.deepCopy();
    Json.child(Json.child(applied, "metadata"), "annotations");
    Json.child(Json.child(crd, "metadata"), "annotations")
        .put("kubectl.kubernetes.io/last-applied-configuration", Json.text(applied) + "\n");
    ObjectNode status = crd.putObject("status");
    ArrayNode conditions = status.putArray("conditions");
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    for (String type : List.of("NamesAccepted", "Established")) {
      conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now)
          .put("reason", type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts").put("message", "");
    }
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode stored = status.putArray("storedVersions");
    crd.path("spec").path("versions").forEach(v -> {
      if (v.path("storage").asBoolean(false)) {
        stored.add(v.path("name").asText());
      }
    });
    return crd;
  }
}
