package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.FakeResponse;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Object-level operations: put (aws-chunked or plain, checksums verified), get (ranges), head, delete, copy. */
final class ObjectActions {

  private static final List<String> STORED_HEADERS = List.of("Content-Type", "Content-Encoding", "Cache-Control",
      "Content-Disposition", "Content-Language", "Expires");

  private final S3Store store;
  private final Clock clock;

  ObjectActions(S3Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  FakeResponse putObject(S3Target target, FakeRequest request) {
    store.require(target.bucket());
    byte[] payload = request.body();
    Map<String, String> trailers = Map.of();
    if (isAwsChunked(request)) {
      AwsChunked.Decoded decoded = AwsChunked.decode(payload);
      payload = decoded.payload();
      trailers = decoded.trailers();
      String declared = request.header("x-amz-decoded-content-length");
      if (declared != null && Long.parseLong(declared.trim()) != payload.length) {
        throw S3Errors.incompleteBody();
      }
    }
    Checksums.Value checksum = Checksums.verify(request, trailers, payload);
    S3Object object = new S3Object(target.key(), payload, Checksums.etag(payload), clock.instant(),
        representationHeaders(request), metadata(request), checksum);
    boolean ifNoneMatch = "*".equals(request.header("if-none-match"));
    store.update(target.bucket(), target.key(), current -> {
      if (ifNoneMatch && current != null) {
        throw preconditionFailed();
      }
      return object;
    });
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", object.etag());
    headers.put("x-amz-server-side-encryption", "AES256");
    if (checksum != null) {
      headers.put(checksum.header(), checksum.base64());
      headers.put("x-amz-checksum-type", "FULL_OBJECT");
    }
    return new FakeResponse(200, Map.copyOf(headers), new byte[0]);
  }

  /** GetObject; with a Range header a 206 of that range; with x-amz-checksum-mode ENABLED the stored checksum. */
  FakeResponse getObject(S3Target target, FakeRequest request) {
    S3Object object = store.get(target.bucket(), target.key()).orElseThrow(() -> S3Errors.noSuchKey(target.key()));
    FakeResponse conditional = conditional(object, request);
    if (conditional != null) {
      return conditional;
    }
    Map<String, String> headers = objectHeaders(object, request);
    String range = request.header("range");
    if (range == null) {
      return new FakeResponse(200, Map.copyOf(headers), object.data().clone());
    }
    long[] bounds = range(range, object.size());
    if (bounds == null) {
      return new FakeResponse(200, Map.copyOf(headers), object.data().clone());
    }
    headers.keySet().removeIf(h -> h.startsWith("x-amz-checksum-"));
    headers.put("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + object.size());
    return new FakeResponse(206, Map.copyOf(headers),
        Arrays.copyOfRange(object.data(), (int) bounds[0], (int) bounds[1] + 1));
  }

  /** HeadObject: the headers of GetObject, Content-Length included, no body; a 404 has no body either. */
  FakeResponse headObject(S3Target target, FakeRequest request) {
    S3Object object = store.get(target.bucket(), target.key()).orElseThrow(() -> S3Errors.noSuchKey(target.key()));
    FakeResponse conditional = conditional(object, request);
    if (conditional != null) {
      return conditional;
    }
    Map<String, String> headers = objectHeaders(object, request);
    headers.put("Content-Length", String.valueOf(object.size()));
    return new FakeResponse(200, Map.copyOf(headers), new byte[0]);
  }

  /** DeleteObject answers 204 whether or not the key existed. */
  FakeResponse deleteObject(S3Target target) {
    store.delete(target.bucket(), target.key());
    return FakeResponse.empty(204);
  }

  FakeResponse copyObject(S3Target target, FakeRequest request) {
    String source = URLDecoder.decode(request.header("x-amz-copy-source").replace("+", "%2B"), StandardCharsets.UTF_8);
    int question = source.indexOf("?versionId=");
    if (question >= 0) {
      if (!source.substring(question + "?versionId=".length()).equals("null")) {
        throw new AwsError(404, "NoSuchVersion", "The specified version does not exist.");
      }
      source = source.substring(0, question);
    }
    source = source.startsWith("/") ? source.substring(1) : source;
    int slash = source.indexOf('/');
    if (slash <= 0 || slash == source.length() - 1) {
      throw S3Errors.invalidArgument("Invalid copy source object key");
    }
    String sourceBucket = source.substring(0, slash);
    String sourceKey = source.substring(slash + 1);
    S3Object original = store.get(sourceBucket, sourceKey).orElseThrow(() -> S3Errors.noSuchKey(sourceKey));
    store.require(target.bucket());
    boolean replace = "REPLACE".equalsIgnoreCase(request.header("x-amz-metadata-directive"));
    if (!replace && sourceBucket.equals(target.bucket()) && sourceKey.equals(target.key())) {
      throw new AwsError(400, "InvalidRequest", "This copy request is illegal because it is trying to copy an "
          + "object to itself without changing the object's metadata, storage class, website redirect location or "
          + "encryption attributes.");
    }
    S3Object copy = new S3Object(target.key(), original.data(), original.etag(), clock.instant(),
        replace ? representationHeaders(request) : original.headers(),
        replace ? metadata(request) : original.metadata(), original.checksum());
    store.put(target.bucket(), copy);
    XmlWriter doc = S3Xml.document("CopyObjectResult").leaf("ETag", copy.etag())
        .leaf("LastModified", copy.lastModified());
    if (copy.checksum() != null) {
      doc.leaf("Checksum" + copy.checksum().algorithm(), copy.checksum().base64());
    }
    return S3Xml.ok(doc.end(), Map.of("x-amz-server-side-encryption", "AES256"));
  }

  static boolean isAwsChunked(FakeRequest request) {
    String encoding = request.header("content-encoding");
    String sha = request.header("x-amz-content-sha256");
    return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
        || (sha != null && sha.startsWith("STREAMING-"));
  }

  private static Map<String, String> objectHeaders(S3Object object, FakeRequest request) {
    Map<String, String> headers = new LinkedHashMap<>(object.headers());
    headers.putIfAbsent("Content-Type", object.contentType());
    headers.put("ETag", object.etag());
    headers.put("Last-Modified", S3Xml.httpDate(object.lastModified()));
    headers.put("Accept-Ranges", "bytes");
    headers.put("x-amz-server-side-encryption", "AES256");
    object.metadata().forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
    if (object.checksum() != null && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
      headers.put(object.checksum().header(), object.checksum().base64());
      headers.put("x-amz-checksum-type", "FULL_OBJECT");
    }
    return headers;
  }

  private static FakeResponse conditional(S3Object object, FakeRequest request) {
    String ifMatch = request.header("if-match");
    if (ifMatch != null && !etagMatches(ifMatch, object.etag())) {
      throw preconditionFailed();
    }
    String ifNoneMatch = request.header("if-none-match");
    if (ifNoneMatch != null && etagMatches(ifNoneMatch, object.etag())) {
      return new FakeResponse(304, Map.of("ETag", object.etag()), new byte[0]);
    }
    return null;
  }

  private static boolean etagMatches(String condition, String etag) {
    return Arrays.stream(condition.split(",")).map(String::trim)
        .anyMatch(c -> c.equals("*") || c.equals(etag) || ("\"" + c + "\"").equals(etag));
  }

  private static AwsError preconditionFailed() {
    return new AwsError(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
  }

  /** {first, last} of a single byte range; null to ignore the header (as S3 does for ranges it cannot parse). */
  private static long[] range(String header, long size) {
    String spec = header.trim();
    if (!spec.startsWith("bytes=") || spec.contains(",")) {
      return null;
    }
    String[] parts = spec.substring("bytes=".length()).split("-", -1);
    try {
      long first;
      long last;
      if (parts[0].isEmpty()) {
        long suffix = Long.parseLong(parts[1]);
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(parts[0]);
        last = parts[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(parts[1]), size - 1);
      }
      if (first >= size || first > last) {
        throw S3Errors.invalidRange();
      }
      return new long[] {first, last};
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static Map<String, String> representationHeaders(FakeRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : STORED_HEADERS) {
      String value = request.header(name);
      if (name.equals("Content-Encoding") && value != null) {
        value = Arrays.stream(value.split(",")).map(String::trim)
            .filter(v -> !v.equalsIgnoreCase("aws-chunked") && !v.isEmpty()).collect(Collectors.joining(","));
      }
      if (value != null && !value.isEmpty()) {
        out.put(name, value);
      }
    }
    out.putIfAbsent("Content-Type", "binary/octet-stream");
    return out;
  }

  private static Map<String, String> metadata(FakeRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> {
      if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
        out.put(name.substring("x-amz-meta-".length()), values.get(0));
      }
    });
    return out;
  }
}
