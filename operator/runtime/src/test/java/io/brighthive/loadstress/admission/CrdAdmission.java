package io.brighthive.loadstress.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.admission.FieldError.Layer;
import io.brighthive.loadstress.admission.FieldError.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Decides, as the Kubernetes API server would, whether a custom resource is admitted on create or
 * update, from nothing but its CRD: strict field validation (unknown fields), ObjectMeta
 * validation, structural defaulting, the OpenAPI v3 schema (networknt), list-type invariants and
 * every x-kubernetes-validations rule (dev.cel), with the API server's wording.
 *
 * <p>Loading compiles every CEL rule once and fails loudly if one does not compile (the API server
 * would refuse the CRD). Instances are cached per set of files, so tests can call {@link #load}
 * freely.
 *
 * <p>Not modelled: admission webhooks, the CEL cost budget, validation ratcheting of unchanged
 * invalid fields (Kubernetes 1.30+), formats other than those CEL sees, and conversion between
 * versions.
 */
public final class CrdAdmission {
  private static final Map<List<Path>, CrdAdmission> CACHE = new ConcurrentHashMap<>();

  private final Map<String, Crd> crdsByGroupKind;

  private CrdAdmission(Map<String, Crd> crdsByGroupKind) {
    this.crdsByGroupKind = crdsByGroupKind;
  }

  /** The CRDs in these files, or in the YAML files of these directories. */
  public static CrdAdmission load(Path... crdFilesOrDirectories) {
    List<Path> files = Stream.of(crdFilesOrDirectories).flatMap(CrdAdmission::yamlFiles)
        .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
    return CACHE.computeIfAbsent(files, CrdAdmission::compile);
  }

  /** Whether creating this object is admitted. */
  public Decision create(JsonNode manifest) {
    ObjectNode object = manifest.deepCopy();
    Crd crd = crdFor(object);
    Crd.Version version = crd.version(object);
    String name = object.path("metadata").path("name").asText("");
    List<FieldError> unknown = Structural.unknownFields(version.schema(), object);
    if (!unknown.isEmpty()) {
      return crd.decision(version, name, unknown);
    }
    if (version.statusSubresource()) {
      object.remove("status");
    }
    Structural.applyDefaults(version.schema(), object);
    return crd.decision(version, name, validate(crd, version, object, null));
  }

  /** Whether replacing {@code oldObject} (as stored) by {@code newObject} is admitted. */
  public Decision update(JsonNode oldObject, JsonNode newObject) {
    ObjectNode old = oldObject.deepCopy();
    ObjectNode object = newObject.deepCopy();
    Crd crd = crdFor(object);
    Crd.Version version = crd.version(object);
    if (crdFor(old) != crd || !Objects.equals(old.path("metadata").path("name"), object.path("metadata").path("name"))) {
      throw new IllegalArgumentException("an update must keep the kind and the name: " + old.path("metadata") + " -> "
          + object.path("metadata"));
    }
    String name = object.path("metadata").path("name").asText("");
    List<FieldError> unknown = Structural.unknownFields(version.schema(), object);
    if (!unknown.isEmpty()) {
      return crd.decision(version, name, unknown);
    }
    if (version.statusSubresource()) {
      object.remove("status");
      if (old.has("status")) {
        object.set("status", old.get("status"));
      }
    }
    Structural.applyDefaults(version.schema(), old);
    Structural.applyDefaults(version.schema(), object);
    return crd.decision(version, name, validate(crd, version, object, old));
  }

  /** Every CEL rule of every loaded CRD, as {@code <Kind> <schema path>: <rule>}. */
  public List<String> rules() {
    List<String> ids = new ArrayList<>();
    crdsByGroupKind.values().forEach(crd -> crd.versions().values().forEach(
        v -> v.cel().ruleIds().forEach(id -> ids.add(crd.kind() + " " + id))));
    return ids;
  }

  private static List<FieldError> validate(Crd crd, Crd.Version version, ObjectNode object, ObjectNode old) {
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(object.path("metadata"), crd.namespaced()));
    errors.addAll(version.openApi().validate(object));
    errors.addAll(Structural.listTypeErrors(version.schema(), object, ""));
    if (version.cel().ruleIds().isEmpty()) {
      return errors;
    }
    if (errors.stream().anyMatch(e -> e.type().blocksCel())) {
      errors.add(FieldError.of(Layer.SCHEMA, Type.INVALID, FieldError.ROOT, null,
          "some validation rules were not checked because the object was invalid; correct the existing errors to complete"
              + " validation"));
    } else {
      errors.addAll(version.cel().validate(object, old));
    }
    return errors;
  }

  private Crd crdFor(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    Crd crd = crdsByGroupKind.get(group + "/" + object.path("kind").asText());
    if (crd == null) {
      throw new IllegalArgumentException("no matches for kind \"" + object.path("kind").asText() + "\" in version \""
          + apiVersion + "\" among the loaded CRDs " + crdsByGroupKind.keySet());
    }
    return crd;
  }

  private static CrdAdmission compile(List<Path> files) {
    Map<String, Crd> crds = new LinkedHashMap<>();
    for (Path file : files) {
      for (ObjectNode document : Manifests.read(file)) {
        if (!document.path("apiVersion").asText().equals("apiextensions.k8s.io/v1")
            || !document.path("kind").asText().equals("CustomResourceDefinition")) {
          throw new IllegalArgumentException(file + " holds a " + document.path("apiVersion").asText() + " "
              + document.path("kind").asText() + ", not an apiextensions.k8s.io/v1 CustomResourceDefinition");
        }
        Crd crd = Crd.of(document, file);
        crds.put(crd.group() + "/" + crd.kind(), crd);
      }
    }
    if (crds.isEmpty()) {
      throw new IllegalArgumentException("no CRD found in " + files);
    }
    return new CrdAdmission(crds);
  }

  private static Stream<Path> yamlFiles(Path path) {
    if (!Files.isDirectory(path)) {
      return Stream.of(path);
    }
    try (Stream<Path> listing = Files.list(path)) {
      return listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One CRD, its served versions compiled. */
  private record Crd(String resource, String group, String kind, boolean namespaced, Map<String, Version> versions) {

    record Version(String name, JsonNode schema, SchemaValidation openApi, CelValidation cel, boolean statusSubresource) {}

    static Crd of(JsonNode definition, Path file) {
      JsonNode spec = definition.path("spec");
      String name = definition.path("metadata").path("name").asText();
      Map<String, Version> versions = new LinkedHashMap<>();
      for (JsonNode version : spec.path("versions")) {
        if (!version.path("served").asBoolean(false)) {
          continue;
        }
        JsonNode schema = version.path("schema").path("openAPIV3Schema");
        String where = name + "/" + version.path("name").asText();
        if (!schema.isObject()) {
          throw new IllegalStateException(file + ": " + where + " has no openAPIV3Schema");
        }
        try {
          versions.put(version.path("name").asText(), new Version(version.path("name").asText(), schema,
              new SchemaValidation(schema, where), new CelValidation(schema), version.path("subresources").has("status")));
        } catch (IllegalStateException e) {
          throw new IllegalStateException(file + " (" + where + "): " + e.getMessage(), e);
        }
      }
      return new Crd(name, spec.path("group").asText(), spec.path("names").path("kind").asText(),
          "Namespaced".equals(spec.path("scope").asText()), versions);
    }

    Version version(JsonNode object) {
      String apiVersion = object.path("apiVersion").asText();
      Version version = versions.get(apiVersion.substring(apiVersion.indexOf('/') + 1));
      if (version == null) {
        throw new IllegalArgumentException("no matches for kind \"" + kind + "\" in version \"" + apiVersion
            + "\": served versions are " + versions.keySet());
      }
      return version;
    }

    Decision decision(Version version, String name, List<FieldError> causes) {
      return new Decision(resource, kind, version.name(), name, causes);
    }
  }
}
