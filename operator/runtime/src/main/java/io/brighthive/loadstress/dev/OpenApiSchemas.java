package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The schemas of the OpenAPI v3 documents: a kind, its list, and the few meta/v1 types they refer to. */
final class OpenApiSchemas {
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

  private OpenApiSchemas() {}

  /** {@code io.brighthive.loadstress.v1alpha1.LoadstressEnvironment}: the group reversed, as the API server names CRD kinds. */
  static String name(ApiResource r) {
    if (!r.isCustom()) {
      String prefix = switch (r.group()) {
        case "" -> "io.k8s.api.core.";
        case "apiextensions.k8s.io" -> "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.";
        default -> "io.k8s.api." + r.group().replace(".k8s.io", "") + ".";
      };
      return prefix + r.version() + "." + r.kind();
    }
    List<String> parts = Arrays.asList(r.group().split("\\."));
    Collections.reverse(parts);
    return String.join(".", parts) + "." + r.version() + "." + r.kind();
  }

  static ObjectNode kind(ApiResource r) {
    ObjectNode schema;
    if (r.isCustom() && r.schema().isObject()) {
      schema = ((ObjectNode) r.schema()).deepCopy();
    } else {
      schema = Json.object().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    }
    schema.put("type", "object");
    ObjectNode properties = schema.get("properties") instanceof ObjectNode existing ? existing : schema.putObject("properties");
    properties.set("apiVersion", Json.object().put("type", "string").put("description", "APIVersion defines the versioned "
        + "schema of this representation of an object. Servers should convert recognized schemas to the latest internal "
        + "value, and may reject unrecognized values."));
    properties.set("kind", Json.object().put("type", "string").put("description", "Kind is a string value representing the "
        + "REST resource this object represents. Servers may infer this from the endpoint the client submits requests "
        + "to. Cannot be updated. In CamelCase."));
    ObjectNode metadata = Json.object().put("description", "Standard object's metadata. More info: "
        + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");
    metadata.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + META + "ObjectMeta");
    properties.set("metadata", metadata);
    gvk(schema, r, r.kind());
    return schema;
  }

  static ObjectNode list(ApiResource r, String itemSchema) {
    ObjectNode schema = Json.object().put("type", "object").put("description", r.kind() + "List is a list of " + r.kind());
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("items").put("type", "array").putObject("items").put("$ref", "#/components/schemas/" + itemSchema);
    properties.putObject("metadata").putArray("allOf").addObject().put("$ref", "#/components/schemas/" + META + "ListMeta");
    schema.putArray("required").add("items");
    gvk(schema, r, r.kind() + "List");
    return schema;
  }

  private static void gvk(ObjectNode schema, ApiResource r, String kind) {
    schema.putArray("x-kubernetes-group-version-kind").addObject()
        .put("group", r.group()).put("kind", kind).put("version", r.version());
  }

  /** ObjectMeta, ListMeta, Patch and Status, enough for {@code kubectl explain <kind>.metadata}. */
  static void common(ObjectNode schemas) {
    ObjectNode meta = schemas.putObject(META + "ObjectMeta").put("type", "object").put("description",
        "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.");
    ObjectNode p = meta.putObject("properties");
    string(p, "name", "Name must be unique within a namespace.");
    string(p, "generateName", "GenerateName is an optional prefix, used by the server, to generate a unique name.");
    string(p, "namespace", "Namespace defines the space within which each name must be unique.");
    string(p, "uid", "UID is the unique in time and space value for this object.");
    string(p, "resourceVersion", "An opaque value that represents the internal version of this object.");
    p.putObject("generation").put("type", "integer").put("format", "int64")
        .put("description", "A sequence number representing a specific generation of the desired state.");
    string(p, "creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.")
        .put("format", "date-time");
    string(p, "deletionTimestamp", "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.")
        .put("format", "date-time");
    stringMap(p, "labels", "Map of string keys and values that can be used to organize and categorize objects.");
    stringMap(p, "annotations", "Annotations is an unstructured key value map stored with a resource.");
    p.putObject("finalizers").put("type", "array").put("description",
        "Must be empty before the object is deleted from the registry.").putObject("items").put("type", "string");
    p.putObject("ownerReferences").put("type", "array").put("description",
        "List of objects depended by this object.").putObject("items").put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    ObjectNode listMeta = schemas.putObject(META + "ListMeta").put("type", "object")
        .put("description", "ListMeta describes metadata that synthetic resources must have.");
    string(listMeta.putObject("properties"), "resourceVersion", "String that identifies the server's internal version.");
    schemas.putObject(META + "Patch").put("type", "object")
        .put("description", "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.");
    schemas.putObject(META + "Status").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true)
        .put("description", "Status is a return value for calls that don't return other objects.");
  }

  private static ObjectNode string(ObjectNode properties, String name, String description) {
    return properties.putObject(name).put("type", "string").put("description", description);
  }

  private static void stringMap(ObjectNode properties, String name, String description) {
    properties.putObject(name).put("type", "object").put("description", description)
        .putObject("additionalProperties").put("type", "string").put("default", "");
  }
}
