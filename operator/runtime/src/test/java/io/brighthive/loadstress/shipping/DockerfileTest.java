package io.brighthive.loadstress.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's shape, checked without a container engine: a cached Maven build stage, a Java
 * 17 runtime stage with a non-root user that matches the chart, OCI labels, an exec-form
 * entrypoint, and every reactor module's POM in the dependency-cache layer.
 */
class DockerfileTest {
  private static final Path ROOT = Path.of("../..");
  private static final List<String> OCI_LABELS = List.of("title", "description", "version", "revision", "created",
      "source", "licenses");

  private final String dockerfile = read(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
  private final List<String> instructions = dockerfile.lines().map(String::trim)
      .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

  @Test
  void buildsWithMavenThenRunsOnAJava17Runtime() {
    List<String> froms = instructions.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).endsWith(" AS build");
    assertThat(arg("BUILD_IMAGE")).startsWith("maven:").contains("-17");
    assertThat(arg("RUNTIME_IMAGE")).contains(":17").contains("jre");
    assertThat(dockerfile).contains("COPY --from=build");
  }

  @Test
  void everyModulePomIsCopiedBeforeTheDependencyLayerAndTheSourcesAfter() throws IOException {
    int goOffline = indexOf("RUN mvn -B -ntp -q dependency:go-offline");
    for (String pom : modulePoms(Path.of("pom.xml"))) {
      int copy = indexOf("COPY " + pom + " ");
      assertThat(copy).as("%s is copied before dependency:go-offline", pom).isBetween(0, goOffline);
    }
    assertThat(indexOf("COPY operator/ operator/")).isGreaterThan(goOffline);
    assertThat(instructions.get(indexOf("COPY operator/ operator/") + 2)).contains("-o -DskipTests package");
  }

  @Test
  void runsAsTheChartsNonRootUserWithAnExecFormEntrypoint() throws IOException {
    String user = last("USER ").substring("USER ".length());
    assertThat(user).matches("\\d+:\\d+").doesNotStartWith("0:");
    @SuppressWarnings("unchecked")
    Map<String, Object> values = new YAMLMapper().readValue(ROOT.resolve("helm/loadstress-operator/values.yaml").toFile(), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> pod = (Map<String, Object>) values.get("podSecurityContext");
    assertThat(user).isEqualTo(pod.get("runAsUser") + ":" + pod.get("runAsGroup"));
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) values.get("metrics");
    assertThat(last("EXPOSE ")).isEqualTo("EXPOSE " + metrics.get("port"));
    assertThat(last("ENTRYPOINT ")).isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/opt/loadstress/operator/loadstress-operator.jar\"]");
    assertThat(last("CMD ")).isEqualTo("CMD [\"run\"]");
  }

  @Test
  void carriesTheOciLabelsAndTheSparkGeneratorForTheLocalProvider() {
    for (String label : OCI_LABELS) {
      assertThat(dockerfile).as("label org.opencontainers.image.%s", label).contains("org.opencontainers.image." + label + "=");
    }
    assertThat(dockerfile).contains("spark-generator.jar").contains("LOADSTRESS_SPARK_GENERATOR_HOME=/opt/loadstress/spark-generator");
  }

  @Test
  void theBuildContextLeavesOutBuildOutputAndHistory() {
    List<String> ignored = read(ROOT.resolve(".dockerignore")).lines().map(String::trim).toList();
    assertThat(ignored).contains("**/target/", ".git/");
  }

  private String arg(String name) {
    Matcher m = Pattern.compile("^ARG " + name + "=(\\S+)$", Pattern.MULTILINE).matcher(dockerfile);
    assertThat(m.find()).as("ARG %s with a default", name).isTrue();
    return m.group(1);
  }

  private int indexOf(String prefix) {
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private String last(String prefix) {
    List<String> found = instructions.stream().filter(l -> l.startsWith(prefix)).toList();
    assertThat(found).as("a %s instruction", prefix.trim()).isNotEmpty();
    return found.get(found.size() - 1);
  }

  /** The POMs of the reactor, from the parent's modules down, relative to the repository root. */
  private static List<String> modulePoms(Path pom) {
    List<String> poms = new ArrayList<>(List.of(pom.toString()));
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve(pom)));
    while (m.find()) {
      Path parent = pom.getParent();
      Path child = (parent == null ? Path.of(m.group(1)) : parent.resolve(m.group(1))).resolve("pom.xml");
      poms.addAll(modulePoms(child));
    }
    return poms;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
