package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.FakeRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an S3 request addresses: bucket (path-style {@code /bucket/key}, or virtual-hosted {@code bucket.localhost},
 * {@code bucket.s3.<region>.amazonaws.com}), key, the query parameters and the operation they name.
 *
 * <p>The SDK sends path-style requests to an IP endpoint even without {@code forcePathStyle}, because a bucket name
 * cannot prefix an IP address; virtual-hosted requests reach the fake only through a host name that resolves to it.
 */
record S3Target(String bucket, String key, Map<String, String> query, String operation) {

  private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+]");
  private static final Set<String> SUBRESOURCES = Set.of("acl", "tagging", "policy", "versioning", "lifecycle",
      "cors", "encryption", "website", "logging", "notification", "replication", "uploads", "uploadId",
      "partNumber", "location", "versions", "delete", "ownershipControls", "publicAccessBlock", "metrics",
      "analytics", "inventory", "intelligent-tiering", "object-lock", "retention", "legal-hold", "attributes",
      "restore", "select", "torrent", "requestPayment", "accelerate", "policyStatus");

  static S3Target of(FakeRequest request) {
    Map<String, String> query = query(request.rawQuery());
    String path = request.path();
    String bucket = virtualHostBucket(request.header("host"));
    String key;
    if (bucket != null) {
      key = path.length() > 1 ? path.substring(1) : null;
    } else {
      String rest = path.startsWith("/") ? path.substring(1) : path;
      int slash = rest.indexOf('/');
      bucket = rest.isEmpty() ? null : slash < 0 ? rest : rest.substring(0, slash);
      key = slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
    }
    return new S3Target(bucket, key, query, operation(request, bucket, key, query));
  }

  /** Query parameters in order, decoded; a parameter without a value maps to "". */
  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        out.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  String param(String name) {
    return query.get(name);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String virtualHostBucket(String hostHeader) {
    if (hostHeader == null) {
      return null;
    }
    String host = hostHeader.toLowerCase(Locale.ROOT);
    if (!host.startsWith("[") && host.lastIndexOf(':') > 0) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    if (IP.matcher(host).matches() || host.equals("localhost") || host.startsWith("s3.")) {
      return null;
    }
    if (host.endsWith(".localhost")) {
      return host.substring(0, host.length() - ".localhost".length());
    }
    int s3 = host.indexOf(".s3.");
    if (s3 < 0) {
      s3 = host.indexOf(".s3-");
    }
    return s3 > 0 ? host.substring(0, s3) : null;
  }

  private static String operation(FakeRequest request, String bucket, String key, Map<String, String> query) {
    String method = request.method();
    String sub = subresource(query);
    if (bucket == null) {
      return method.equals("GET") ? "ListBuckets" : null;
    }
    if (key == null) {
      return switch (method) {
        case "PUT" -> sub == null ? "CreateBucket" : "PutBucket" + capitalize(sub);
        case "HEAD" -> "HeadBucket";
        case "DELETE" -> sub == null ? "DeleteBucket" : "DeleteBucket" + capitalize(sub);
        case "POST" -> "delete".equals(sub) ? "DeleteObjects" : "PostBucket" + capitalize(sub);
        case "GET" -> query.containsKey("list-type") ? ("2".equals(query.get("list-type")) ? "ListObjectsV2"
            : "ListObjects") : sub == null ? "ListObjects" : switch (sub) {
              case "versions" -> "ListObjectVersions";
              case "location" -> "GetBucketLocation";
              case "uploads" -> "ListMultipartUploads";
              default -> "GetBucket" + capitalize(sub);
            };
        default -> null;
      };
    }
    return switch (method) {
      case "PUT" -> sub == null ? (request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject")
          : query.containsKey("partNumber") ? "UploadPart" : "PutObject" + capitalize(sub);
      case "GET" -> sub == null ? "GetObject" : "GetObject" + capitalize(sub);
      case "HEAD" -> "HeadObject";
      case "DELETE" -> query.containsKey("uploadId") ? "AbortMultipartUpload"
          : sub == null ? "DeleteObject" : "DeleteObject" + capitalize(sub);
      case "POST" -> query.containsKey("uploads") ? "CreateMultipartUpload"
          : query.containsKey("uploadId") ? "CompleteMultipartUpload" : "PostObject" + capitalize(sub);
      default -> null;
    };
  }

  private static String subresource(Map<String, String> query) {
    List<String> found = new ArrayList<>();
    query.keySet().stream().filter(SUBRESOURCES::contains).forEach(found::add);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String capitalize(String sub) {
    if (sub == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String part : sub.split("-")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
