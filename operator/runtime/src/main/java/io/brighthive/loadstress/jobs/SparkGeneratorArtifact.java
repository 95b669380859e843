package io.brighthive.loadstress.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The spark-generator jar the operator carries (the build puts it on the operator's classpath as
 * {@value #RESOURCE}), with a content hash so an uploaded copy is named by what it holds.
 */
public record SparkGeneratorArtifact(byte[] content, String sha256) {
  public static final String RESOURCE = "/spark-generator.jar";

  public static SparkGeneratorArtifact of(byte[] content) {
    try {
      return new SparkGeneratorArtifact(content, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar bundled with this operator build, when there is one. */
  public static Optional<SparkGeneratorArtifact> bundled() {
    try (InputStream in = SparkGeneratorArtifact.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(of(in.readAllBytes()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled spark-generator jar: " + e.getMessage(), e);
    }
  }

  /** Object key under the data lake: the hash in the name makes a changed jar a new object. */
  public String key() {
    return "artifacts/spark-generator-" + sha256.substring(0, 16) + ".jar";
  }
}
