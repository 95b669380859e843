package io.brighthive.loadstress.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

class SparkGeneratorArtifactTest {
  @Test
  void theBuildBundlesTheSparkGeneratorJarWithItsMainClass() throws Exception {
    SparkGeneratorArtifact jar = SparkGeneratorArtifact.bundled().orElseThrow(
        () -> new AssertionError("spark-generator.jar is not on the operator's classpath"));
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar.content()))) {
      assertThat(in.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.brighthive.loadstress.generator.Main");
    }
    assertThat(jar.key()).matches("artifacts/spark-generator-[0-9a-f]{16}\\.jar");
  }

  @Test
  void theKeyChangesWithTheContent() {
    assertThat(SparkGeneratorArtifact.of(new byte[] {1}).key()).isNotEqualTo(SparkGeneratorArtifact.of(new byte[] {2}).key());
    assertThat(SparkGeneratorArtifact.of(new byte[] {1}).key()).isEqualTo(SparkGeneratorArtifact.of(new byte[] {1}).key());
  }
}
