package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import io.brighthive.loadstress.generator.scenario.catalog.SloDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root README's scenario table states each scenario's default SLOs as the catalog has them. */
class ReadmeScenarioTableTest {

  @Test
  void everyScenarioRowNamesItsDefaultSloTargets() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../README.md"));
    for (ScenarioDefinition definition : ScenarioCatalog.all()) {
      String row = lines.stream().filter(l -> l.startsWith("| " + definition.id() + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("README.md has no scenario row for " + definition.id()));
      for (SloDefinition slo : definition.slos()) {
        assertThat(row).as("README row of %s", definition.id()).contains("`" + slo.describeTarget() + "`");
      }
    }
  }
}
