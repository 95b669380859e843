package io.brighthive.loadstress.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart ships the generated CRDs from crds/ unchanged. With -Dcrds.update=true (the same switch
 * that regenerates crds/) the chart's copies are refreshed instead of compared.
 */
class ChartCrdsTest {
  private static final Path GENERATED = Path.of("../../crds");
  private static final Path CHART = HelmChart.DIR.resolve("crds");

  @Test
  void theChartCrdsAreTheGeneratedOnes() throws IOException {
    if (Boolean.getBoolean("crds.update")) {
      refresh();
    }
    List<String> generated = names(GENERATED);
    assertThat(generated).as("generated CRDs in %s", GENERATED).isNotEmpty();
    assertThat(names(CHART)).as("CRD files in the chart").isEqualTo(generated);
    for (String name : generated) {
      assertThat(Files.readString(CHART.resolve(name)))
          .as("helm/loadstress-operator/crds/%s is stale; refresh with: mvn -B -q test -Dcrds.update=true", name)
          .isEqualTo(Files.readString(GENERATED.resolve(name)));
    }
  }

  private static void refresh() throws IOException {
    for (String stale : names(CHART)) {
      Files.delete(CHART.resolve(stale));
    }
    for (String name : names(GENERATED)) {
      Files.copy(GENERATED.resolve(name), CHART.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }
}
