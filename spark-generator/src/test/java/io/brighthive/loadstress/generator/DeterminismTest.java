package io.brighthive.loadstress.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.lake.Checksum;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.OutputStats;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and parameters, different partitioning: the same rows, table by table. */
class DeterminismTest {

  private static final long RECORDS = 20_000;

  @TempDir
  Path temp;

  @Test
  void checksumsAreEqualAcrossPartitionCountsAndDifferAcrossSeeds() throws Exception {
    Path fewTasks = temp.resolve("few");
    Path manyTasks = temp.resolve("many");
    TestLakes.generate(fewTasks, RECORDS, 11);
    TestLakes.generate(manyTasks, RECORDS, 11, "--rows-per-task", "1000");
    Manifest few = TestLakes.manifest(fewTasks);
    Manifest many = TestLakes.manifest(manyTasks);

    assertThat(many.table("orders").files()).isGreaterThanOrEqualTo(20);
    assertThat(few.table("orders").files()).isLessThanOrEqualTo(2);
    assertThat(many.table("lineage_edges").files()).isGreaterThan(few.table("lineage_edges").files());
    assertThat(checksums(many)).isEqualTo(checksums(few)).hasSize(19);
    assertThat(Checksum.of(TestLakes.table(manyTasks, "orders")))
        .isEqualTo(Checksum.of(TestLakes.table(fewTasks, "orders")))
        .isEqualTo(few.table("orders").checksum());

    Path otherSeed = temp.resolve("other-seed");
    TestLakes.generate(otherSeed, RECORDS, 12, "--datasets", "orders,multi_source_entities,support_tickets");
    Map<String, String> other = checksums(TestLakes.manifest(otherSeed));
    for (String name : other.keySet()) {
      if (!name.equals("pii_columns")) {
        assertThat(other.get(name)).as(name).isNotEqualTo(checksums(few).get(name));
      }
    }
  }

  private static Map<String, String> checksums(Manifest manifest) {
    return Stream.concat(manifest.tables().stream(), manifest.groundTruth().stream())
        .collect(Collectors.toMap(OutputStats::name, OutputStats::checksum, (a, b) -> a, java.util.TreeMap::new));
  }
}
