package io.brighthive.loadstress.awsfake.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.awsfake.AwsError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The unsigned aws-chunked form (STREAMING-UNSIGNED-PAYLOAD-TRAILER), which the SDK sends only over HTTPS and so
 * never through the fake's plain-HTTP endpoint; the signed form is covered by FakeS3Test through the SDK.
 */
class AwsChunkedTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void unsignedChunksAndTrailersDecode() {
    AwsChunked.Decoded decoded = AwsChunked.decode(ascii(
        "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"));
    assertThat(new String(decoded.payload(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "DUoRhQ==");
    assertThat(Checksums.compute("CRC32", decoded.payload())).isEqualTo("DUoRhQ==");
  }

  @Test
  void anEmptyBodyAndATruncatedOne() {
    assertThat(AwsChunked.decode(ascii("0\r\n\r\n")).payload()).isEmpty();
    assertThatThrownBy(() -> AwsChunked.decode(ascii("a\r\nshort\r\n")))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
  }
}
