package io.brighthive.loadstress.admission;

import static io.brighthive.loadstress.admission.FieldError.Layer.METADATA;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ObjectMeta checks that the API server applies to every custom resource
 * ({@code ValidateObjectMetaAccessor} with {@code NameIsDNSSubdomain}), with apimachinery's messages.
 */
final class ObjectMetaValidation {
  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
  private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE = "(" + QUALIFIED_NAME + ")?";
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start"
          + " and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
          + DNS1123_SUBDOMAIN + "')";
  private static final String LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end"
          + " with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '"
          + DNS1123_LABEL + "')";
  private static final String NAME_PART_MESSAGE =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
          + " character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QUALIFIED_NAME + "')";
  private static final String LABEL_VALUE_MESSAGE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and"
          + " end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '"
          + LABEL_VALUE + "')";

  private ObjectMetaValidation() {}

  static List<FieldError> validate(JsonNode metadata, boolean namespaced) {
    List<FieldError> errors = new ArrayList<>();
    String name = text(metadata, "name");
    String generateName = text(metadata, "generateName");
    if (name.isEmpty() && generateName.isEmpty()) {
      errors.add(FieldError.of(METADATA, Type.REQUIRED, "metadata.name", null, "name or generateName is required"));
    } else if (!name.isEmpty()) {
      subdomain(errors, "metadata.name", name, name);
    } else {
      String prefix = generateName.endsWith("-") ? generateName.substring(0, generateName.length() - 1) : generateName;
      subdomain(errors, "metadata.generateName", generateName, prefix);
    }
    String namespace = text(metadata, "namespace");
    if (namespaced && !namespace.isEmpty()) {
      if (namespace.length() > 63) {
        errors.add(FieldError.of(METADATA, Type.INVALID, "metadata.namespace", namespace, "must be no more than 63 characters"));
      }
      if (!namespace.matches(DNS1123_LABEL)) {
        errors.add(FieldError.of(METADATA, Type.INVALID, "metadata.namespace", namespace, LABEL_MESSAGE));
      }
    } else if (!namespaced && !namespace.isEmpty()) {
      errors.add(FieldError.of(METADATA, Type.FORBIDDEN, "metadata.namespace", namespace, "not allowed on this type"));
    }
    labels(errors, metadata.path("labels"));
    annotations(errors, metadata.path("annotations"));
    return errors;
  }

  private static void subdomain(List<FieldError> errors, String path, String shown, String value) {
    if (value.length() > 253) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, shown, "must be no more than 253 characters"));
    }
    if (!Pattern.matches(DNS1123_SUBDOMAIN, value)) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, shown, SUBDOMAIN_MESSAGE));
    }
  }

  private static void labels(List<FieldError> errors, JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      qualifiedName(errors, "metadata.labels", label.getKey());
      String value = label.getValue().asText();
      if (value.length() > 63) {
        errors.add(FieldError.of(METADATA, Type.INVALID, "metadata.labels", value, "must be no more than 63 characters"));
      }
      if (!value.matches(LABEL_VALUE)) {
        errors.add(FieldError.of(METADATA, Type.INVALID, "metadata.labels", value, LABEL_VALUE_MESSAGE));
      }
    }
  }

  private static void annotations(List<FieldError> errors, JsonNode annotations) {
    long bytes = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> annotation = it.next();
      qualifiedName(errors, "metadata.annotations", annotation.getKey().toLowerCase());
      bytes += annotation.getKey().length() + annotation.getValue().asText().length();
    }
    if (bytes > MAX_ANNOTATIONS_BYTES) {
      errors.add(FieldError.of(METADATA, Type.TOO_LONG, "metadata.annotations", null,
          "must have at most " + MAX_ANNOTATIONS_BYTES + " bytes"));
    }
  }

  private static void qualifiedName(List<FieldError> errors, String path, String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && (prefix.isEmpty() || prefix.length() > 253 || !prefix.matches(DNS1123_SUBDOMAIN))) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, key, "prefix part " + SUBDOMAIN_MESSAGE));
    }
    if (name.isEmpty()) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, key, "name part must be non-empty"));
    } else if (name.length() > 63) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, key, "name part must be no more than 63 characters"));
    } else if (!name.matches(QUALIFIED_NAME)) {
      errors.add(FieldError.of(METADATA, Type.INVALID, path, key, NAME_PART_MESSAGE));
    }
  }

  private static String text(JsonNode metadata, String field) {
    JsonNode value = metadata.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
