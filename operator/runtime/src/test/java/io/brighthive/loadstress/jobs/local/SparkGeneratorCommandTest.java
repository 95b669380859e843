package io.brighthive.loadstress.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkGeneratorCommandTest {
  @TempDir Path root;

  @Test
  void theCommandIsRunLocalsWithTheLimitsApplied() throws Exception {
    SparkGeneratorHome home = new SparkGeneratorHome(SparkGeneratorHomeLocatorTest.home(root.resolve("home")));
    List<String> command = SparkGeneratorCommand.of(home, new LocalJobLimits("3g", 2, 2, Duration.ZERO), SparkGeneratorHome.MAIN_CLASS,
        List.of("generate", "--lake", "file:/l", "--records", "20000", "--seed", "42"));

    assertThat(command.get(0)).endsWith("/bin/java");
    assertThat(command).containsSubsequence("--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx3g", "-XX:ActiveProcessorCount=2",
        "-XX:TieredStopAtLevel=1", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
        "-Dlog4j2.configurationFile=" + home.logConfig(), "-cp", home.classpath(), SparkGeneratorHome.MAIN_CLASS,
        "generate", "--lake", "file:/l", "--records", "20000");
  }

  @Test
  void onlySmallRunsStopAtC1() {
    assertThat(SparkGeneratorCommand.small(List.of("generate", "--records", "2_000_000"))).isTrue();
    assertThat(SparkGeneratorCommand.small(List.of("generate", "--records", "2000001"))).isFalse();
    assertThat(SparkGeneratorCommand.small(List.of("scenario", "--id", "S01"))).isFalse();
  }
}
