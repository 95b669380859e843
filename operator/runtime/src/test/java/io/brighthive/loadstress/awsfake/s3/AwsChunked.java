package io.brighthive.loadstress.awsfake.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes S3's {@code aws-chunked} content encoding: chunks of {@code <hex-size>[;chunk-signature=…]\r\n<data>\r\n},
 * a zero-size chunk, then optional trailer lines ({@code x-amz-checksum-crc32:…},
 * {@code x-amz-trailer-signature:…}) and an empty line. Both the signed form
 * (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER], which the SDK uses over plain HTTP) and the unsigned one
 * (STREAMING-UNSIGNED-PAYLOAD-TRAILER, over HTTPS) have this shape; signatures are not checked.
 */
final class AwsChunked {

  /** The payload and the trailers (names lower case). */
  record Decoded(byte[] payload, Map<String, String> trailers) {
  }

  private AwsChunked() {
  }

  static Decoded decode(byte[] body) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(Math.max(16, body.length));
    Map<String, String> trailers = new LinkedHashMap<>();
    int pos = 0;
    while (true) {
      int eol = lineEnd(body, pos);
      if (eol < 0) {
        throw S3Errors.incompleteBody();
      }
      String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      pos = eol + 2;
      int size = chunkSize(header);
      if (size == 0) {
        readTrailers(body, pos, trailers);
        return new Decoded(payload.toByteArray(), trailers);
      }
      if (pos + size + 2 > body.length || body[pos + size] != '\r' || body[pos + size + 1] != '\n') {
        throw S3Errors.incompleteBody();
      }
      payload.write(body, pos, size);
      pos += size + 2;
    }
  }

  private static int chunkSize(String header) {
    int semicolon = header.indexOf(';');
    String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    try {
      return Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Invalid chunk header: " + header);
    }
  }

  private static void readTrailers(byte[] body, int pos, Map<String, String> trailers) {
    while (pos < body.length) {
      int eol = lineEnd(body, pos);
      int end = eol < 0 ? body.length : eol;
      String line = new String(body, pos, end - pos, StandardCharsets.US_ASCII);
      pos = end + 2;
      if (line.isEmpty()) {
        return;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
  }

  private static int lineEnd(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
