package io.brighthive.loadstress.dev;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A resource URL of the Kubernetes API, such as {@code /apis/g/v/namespaces/ns/plural/name/status} or
 * {@code /api/v1/namespaces/ns}. {@code /namespaces/x} is the namespace {@code x} itself; the deprecated
 * {@code /watch/} prefix is accepted and reported as {@link #watchPrefix()}.
 */
record ResourcePath(
    String group, String version, String namespace, String plural, String name, String subresource, boolean watchPrefix) {

  static Optional<ResourcePath> parse(String path) {
    List<String> parts = new ArrayList<>(Arrays.asList(path.replaceAll("^/+|/+$", "").split("/")));
    String group;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      parts.remove(0);
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      parts.subList(0, 2).clear();
    } else {
      return Optional.empty();
    }
    String version = parts.remove(0);
    boolean watch = !parts.isEmpty() && parts.get(0).equals("watch");
    if (watch) {
      parts.remove(0);
    }
    String namespace = null;
    if (parts.size() >= 3 && parts.get(0).equals("namespaces") && !isNamespaceSubresource(parts)) {
      namespace = parts.get(1);
      parts.subList(0, 2).clear();
    }
    if (parts.isEmpty() || parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(new ResourcePath(group, version, namespace, parts.get(0),
        parts.size() > 1 ? parts.get(1) : null, parts.size() > 2 ? parts.get(2) : null, watch));
  }

  /** {@code /api/v1/namespaces/x/status} and {@code /finalize} belong to the namespace x, not to a resource "status". */
  private static boolean isNamespaceSubresource(List<String> parts) {
    return parts.size() == 3 && (parts.get(2).equals("status") || parts.get(2).equals("finalize"));
  }

  ResourcePath withName(String newName) {
    return new ResourcePath(group, version, namespace, plural, newName, null, false);
  }

  ResourcePath withNamespace(String newNamespace) {
    return new ResourcePath(group, version, newNamespace, plural, name, subresource, false);
  }

  ResourcePath collection() {
    return new ResourcePath(group, version, namespace, plural, null, null, false);
  }

  boolean isCollection() {
    return name == null;
  }

  boolean isStatus() {
    return "status".equals(subresource);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The URL without query, watch prefix or subresource unless {@code withSubresource}. */
  String url(boolean withSubresource) {
    StringBuilder url = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    if (namespace != null) {
      url.append("/namespaces/").append(namespace);
    }
    url.append('/').append(plural);
    if (name != null) {
      url.append('/').append(name);
      if (withSubresource && subresource != null) {
        url.append('/').append(subresource);
      }
    }
    return url.toString();
  }

  /** Group and plural in the form kubectl prints, such as {@code loadstressenvironments.loadstress.brighthive.io}. */
  String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
