package io.brighthive.loadstress.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example ScenarioRun passes the catalog's checks, and the operator builds its job's command line from them. */
class ExampleRunsTest {

  static List<Path> examples() throws IOException {
    Path dir = Path.of("../../examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("scenariorun-")).sorted().toList();
    }
  }

  @Test
  void everyExampleRunIsAcceptedByTheCatalog() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : examples()) {
      ScenarioRun run = Serialization.unmarshal(Files.readString(file), ScenarioRun.class);
      ScenarioDefinition definition = ScenarioCatalog.get(run.getSpec().getScenario().name());
      definition.resolveParameters(run.getSpec().getParameters());
      definition.resolveSlos(run.getSpec().getSlos());
      run.getMetadata().setUid("0e1a8c5e-1111-2222-3333-444455556666");
      List<String> args = ScenarioRunController.arguments(run, definition, "file:/lake", "file:/lake/results/r.json");
      assertThat(args).as(file.toString()).startsWith("scenario", "--id", definition.id(), "--lake", "file:/lake");
    }
  }

  @Test
  void theCatalogRejectsWhatNoScenarioHas() {
    ScenarioDefinition s14 = ScenarioCatalog.get("S14");
    assertThatThrownBy(() -> s14.resolveParameters(Map.of("concurrency", "4")))
        .hasMessage("S14 has no parameter 'concurrency'; its parameters are: iterations, warehouse");
    assertThatThrownBy(() -> s14.resolveSlos(Map.of("p95LatencyMs", Double.NaN)))
        .hasMessage("S14 SLO 'p95LatencyMs' needs a finite number as its target, got NaN");
    assertThatThrownBy(() -> ScenarioCatalog.get("S17")).hasMessageStartingWith("unknown scenario 'S17'; the scenarios are S01, S02");
  }
}
