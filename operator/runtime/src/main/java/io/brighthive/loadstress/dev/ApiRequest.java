package io.brighthive.loadstress.dev;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the dispatcher sees it; header names are lower case. */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

  static ApiRequest of(String method, String uri, Map<String, String> headers, byte[] body) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : uri.substring(q + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          query.put(decodeQuery(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
        }
      }
    }
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new ApiRequest(method.toUpperCase(Locale.ROOT), decode(path), query, lower, body == null ? new byte[0] : body);
  }

  private static String decode(String path) {
    return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** In a query '+' is a space: Go's url.Values encodes "app in (a,b)" as "app+in+%28a%2Cb%29". */
  private static String decodeQuery(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  String param(String name) {
    return query.get(name);
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name)) || "1".equals(query.get(name));
  }

  String header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
  }

  /** True when the client asked for the server-side Table rendering (kubectl get). */
  boolean wantsTable() {
    return header("accept").contains("as=Table");
  }

  /** Media type of the body without parameters, lower case. */
  String contentType() {
    return header("content-type").split(";")[0].trim().toLowerCase(Locale.ROOT);
  }

  boolean isWatch() {
    return flag("watch");
  }

  /** Whether the client takes JSON at all: protobuf-only requests get 406. */
  boolean acceptsJson() {
    String accept = header("accept");
    return accept.isBlank() || List.of(accept.split(",")).stream()
        .map(a -> a.split(";")[0].trim())
        .anyMatch(a -> a.equals("application/json") || a.equals("*/*") || a.equals("application/*")
            || a.equals("application/yaml") || a.startsWith("application/json"));
  }
}
