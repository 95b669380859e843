package io.brighthive.loadstress.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkGeneratorHomeLocatorTest {
  @TempDir Path root;

  static Path home(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path dependency = Files.writeString(dir.resolve("spark-sql.jar"), "");
    Files.writeString(dir.resolve(SparkGeneratorHome.JAR), "");
    Files.writeString(dir.resolve(SparkGeneratorHome.CLASSPATH), dependency + "\n");
    Files.writeString(dir.resolve(SparkGeneratorHome.JVM_FLAGS), "--add-opens=java.base/java.lang=ALL-UNNAMED  -Dx=y\n");
    Files.writeString(dir.resolve(SparkGeneratorHome.LOG_CONFIG), "");
    return dir;
  }

  @Test
  void theConfiguredHomeIsUsedAndReadAsTheImageLaysItOut() throws Exception {
    Path dir = home(root.resolve("opt/spark-generator"));

    var lookup = new SparkGeneratorHomeLocator(Optional.of(dir), List.of()).locate();

    SparkGeneratorHome home = lookup.home().orElseThrow();
    assertThat(home.jvmFlags()).containsExactly("--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dx=y");
    assertThat(home.classpath()).isEqualTo(dir.resolve("spark-generator.jar") + ":" + dir.resolve("spark-sql.jar"));
  }

  @Test
  void aBuiltHomeIsFoundFromASubdirectoryOfTheCheckout() throws Exception {
    Path built = home(root.resolve("spark-generator/target/local-run"));
    Path start = Files.createDirectories(root.resolve("operator/runtime/target"));

    var lookup = new SparkGeneratorHomeLocator(Optional.empty(), List.of(start)).locate();

    assertThat(lookup.home().map(SparkGeneratorHome::dir)).hasValue(built);
  }

  @Test
  void withoutAHomeTheProblemNamesTheSettingAndTheBuildCommand() throws Exception {
    Path start = Files.createDirectories(root.resolve("elsewhere"));

    var lookup = new SparkGeneratorHomeLocator(Optional.empty(), List.of(start)).locate();

    assertThat(lookup.home()).isEmpty();
    assertThat(lookup.problem()).contains("--spark-generator-home", "LOADSTRESS_SPARK_GENERATOR_HOME",
        "mvn -B -ntp package -DskipTests", "spark-generator/target/local-run", start.toString());
  }

  @Test
  void anIncompleteHomeSaysWhatIsMissing() throws Exception {
    Path dir = home(root.resolve("home"));
    Files.delete(dir.resolve(SparkGeneratorHome.JAR));
    Files.delete(dir.resolve("spark-sql.jar"));

    var configured = new SparkGeneratorHomeLocator(Optional.of(dir), List.of()).locate();
    assertThat(configured.home()).isEmpty();
    assertThat(configured.problem()).contains("LOADSTRESS_SPARK_GENERATOR_HOME", "lacks spark-generator.jar");

    Files.writeString(dir.resolve(SparkGeneratorHome.JAR), "");
    assertThat(new SparkGeneratorHomeLocator(Optional.of(dir), List.of()).locate().problem())
        .contains("names " + dir.resolve("spark-sql.jar") + ", which does not exist");
  }
}
