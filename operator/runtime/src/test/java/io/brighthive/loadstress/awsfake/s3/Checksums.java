package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.FakeRequest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

/**
 * Content-MD5, ETags and the flexible checksums (x-amz-checksum-crc32, -crc32c, -crc64nvme, -sha1, -sha256) that the
 * SDK sends as headers or as aws-chunked trailers. A checksum the fake cannot compute (CRC64NVME without the CRT) is
 * accepted unchecked.
 */
final class Checksums {

  /** One full-object checksum: algorithm (upper case, as in x-amz-sdk-checksum-algorithm) and base64 value. */
  record Value(String algorithm, String base64) {

    String header() {
      return "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
    }
  }

  static final List<String> ALGORITHMS = List.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256");

  private Checksums() {
  }

  /** The MD5 hex digest in quotes, as S3 reports the ETag of a single-part upload without SSE-KMS. */
  static String etag(byte[] data) {
    return "\"" + HexFormat.of().formatHex(digest("MD5", data)) + "\"";
  }

  /** Checks Content-MD5 and every x-amz-checksum-* of the headers and trailers; returns the one to keep, or null. */
  static Value verify(FakeRequest request, Map<String, String> trailers, byte[] payload) {
    String md5 = request.header("content-md5");
    if (md5 != null) {
      byte[] given;
      try {
        given = Base64.getDecoder().decode(md5.trim());
      } catch (IllegalArgumentException e) {
        throw S3Errors.invalidDigest();
      }
      if (given.length != 16) {
        throw S3Errors.invalidDigest();
      }
      if (!MessageDigest.isEqual(given, digest("MD5", payload))) {
        throw S3Errors.badContentMd5();
      }
    }
    Value kept = null;
    for (String algorithm : ALGORITHMS) {
      String name = "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
      String given = trailers.containsKey(name) ? trailers.get(name) : request.header(name);
      if (given == null) {
        continue;
      }
      String actual = compute(algorithm, payload);
      if (actual != null && !actual.equals(given.trim())) {
        throw S3Errors.badDigest(algorithm);
      }
      kept = new Value(algorithm, given.trim());
    }
    return kept;
  }

  /** The base64 checksum of {@code data}, or null when this JVM cannot compute the algorithm. */
  static String compute(String algorithm, byte[] data) {
    return switch (algorithm) {
      case "CRC32" -> crc(new CRC32(), data);
      case "CRC32C" -> crc(new CRC32C(), data);
      case "SHA1" -> Base64.getEncoder().encodeToString(digest("SHA-1", data));
      case "SHA256" -> Base64.getEncoder().encodeToString(digest("SHA-256", data));
      case "CRC64NVME" -> sdkChecksum(data);
      default -> null;
    };
  }

  private static String crc(Checksum checksum, byte[] data) {
    checksum.update(data, 0, data.length);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
  }

  private static String sdkChecksum(byte[] data) {
    try {
      SdkChecksum checksum = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.CRC64NVME);
      checksum.update(data, 0, data.length);
      return Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
