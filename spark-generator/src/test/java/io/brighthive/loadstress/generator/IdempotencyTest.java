package io.brighthive.loadstress.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.OutputStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun with the same parameters is a no-op; anything else replaces the lake, never appends. */
class IdempotencyTest {

  private static final long RECORDS = 20_000;
  private static final String DATASETS = "customers,orders";

  @TempDir
  Path temp;

  @Test
  void aRerunWithTheSameParametersSkipsAndTouchesNothing() throws Exception {
    Path lake = temp.resolve("lake");
    TestLakes.Run first = TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS);
    Map<String, FileTime> before = files(lake);
    assertThat(first.out()).contains("generate: wrote 2 tables");

    TestLakes.Run second = TestLakes.generate(lake, RECORDS, 5, "--datasets", "orders,customers");

    assertThat(second.out()).contains("generate: skipped").doesNotContain("wrote");
    assertThat(files(lake)).isEqualTo(before);
  }

  @Test
  void forceRegeneratesTheSameContent() throws Exception {
    Path lake = temp.resolve("lake");
    TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS);
    Manifest first = TestLakes.manifest(lake);
    Map<String, FileTime> before = files(lake);

    TestLakes.Run forced = TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS, "--force");

    Manifest second = TestLakes.manifest(lake);
    assertThat(forced.out()).contains("generate: wrote 2 tables").doesNotContain("skipped");
    assertThat(second.startedAt()).isNotEqualTo(first.startedAt());
    assertThat(second.tables()).extracting(OutputStats::name, OutputStats::rows, OutputStats::checksum)
        .isEqualTo(first.tables().stream().map(t -> tuple(t.name(), t.rows(), t.checksum())).toList());
    assertThat(files(lake).keySet().stream().filter(f -> f.endsWith(".parquet")))
        .doesNotContainAnyElementsOf(before.keySet().stream().filter(f -> f.endsWith(".parquet")).toList());
  }

  @Test
  void aPartialRunIsReplacedNotAppendedTo() throws Exception {
    Path lake = temp.resolve("lake");
    TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS);
    Files.delete(lake.resolve("_manifest.json"));
    Path orders = lake.resolve("warehouse/orders");
    try (Stream<Path> parts = Files.list(orders)) {
      Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, orders.resolve("part-99999-left-over.snappy.parquet"));
    }
    Files.createDirectories(lake.resolve("warehouse/stale_table"));
    Files.writeString(lake.resolve("warehouse/stale_table/part-0.parquet"), "junk");
    Files.createDirectories(lake.resolve("ground_truth/old_truth"));

    TestLakes.Run rerun = TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS);

    assertThat(rerun.out()).contains("generate: wrote 2 tables");
    assertThat(orders.resolve("part-99999-left-over.snappy.parquet")).doesNotExist();
    assertThat(lake.resolve("warehouse/stale_table")).doesNotExist();
    assertThat(lake.resolve("ground_truth/old_truth")).doesNotExist();
    assertThat(TestLakes.table(lake, "orders").count()).isEqualTo(RECORDS).isEqualTo(TestLakes.manifest(lake).table("orders").rows());
  }

  @Test
  void otherParametersRegenerateAndDropTablesNoLongerRequested() throws Exception {
    Path lake = temp.resolve("lake");
    TestLakes.generate(lake, RECORDS, 5, "--datasets", DATASETS);
    String ordersChecksum = TestLakes.manifest(lake).table("orders").checksum();

    TestLakes.Run reseeded = TestLakes.generate(lake, RECORDS, 6, "--datasets", "orders");

    assertThat(reseeded.out()).contains("generate: wrote 1 tables");
    Manifest manifest = TestLakes.manifest(lake);
    assertThat(manifest.parameters().seed()).isEqualTo(6);
    assertThat(manifest.table("orders").checksum()).isNotEqualTo(ordersChecksum);
    assertThat(lake.resolve("warehouse/customers")).doesNotExist();
    assertThat(TestLakes.table(lake, "orders").count()).isEqualTo(RECORDS);
  }

  private static Map<String, FileTime> files(Path lake) throws IOException {
    Map<String, FileTime> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(lake)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(lake.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return files;
  }
}
