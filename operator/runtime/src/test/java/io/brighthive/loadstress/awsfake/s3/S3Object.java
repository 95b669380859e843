package io.brighthive.loadstress.awsfake.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One stored object (unversioned: its version id is "null"). Immutable; {@code data} is never handed out without a
 * copy. {@code headers} holds the stored representation headers (Content-Type, Cache-Control, …) and {@code metadata}
 * the x-amz-meta-* pairs (names without the prefix, lower case).
 */
record S3Object(String key, byte[] data, String etag, Instant lastModified, Map<String, String> headers,
    Map<String, String> metadata, Checksums.Value checksum) {

  S3Object {
    headers = Map.copyOf(headers);
    metadata = Map.copyOf(metadata);
  }

  long size() {
    return data.length;
  }

  String contentType() {
    return headers.getOrDefault("Content-Type", "binary/octet-stream");
  }
}
