package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.brighthive.loadstress.environment.sizing.CostEstimator;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subset and full templates and summaries, byte for byte. After an intended change, rewrite
 * them with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTemplatesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"subset", "full"})
  void renderedFilesMatchTheGoldenFiles(String variant) throws IOException {
    RenderedEnvironment env = variant.equals("subset") ? Templates.subset() : Templates.full();
    Map<String, String> files = new LinkedHashMap<>();
    env.creationOrder().forEach(stack -> files.put(stack.stackName() + ".json", stack.prettyTemplate()));
    files.put("summary.txt", RenderSummary.describe(env, CostEstimator.estimate(env.environment(), PriceTable.US_WEST_2)));
    Path dir = GOLDEN.resolve(variant);

    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path golden = dir.resolve(file.getKey());
      if (!Files.exists(golden)) {
        fail("no golden file " + golden.toAbsolutePath() + "; run the test with -Dgolden.update=true to write it");
      }
      assertThat(file.getValue())
          .as("%s differs from the golden file; if the change is intended, rerun with -Dgolden.update=true", golden)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    try (var listed = Files.list(dir)) {
      assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(files.keySet());
    }
  }
}
