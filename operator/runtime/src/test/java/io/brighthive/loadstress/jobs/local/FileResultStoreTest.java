package io.brighthive.loadstress.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResultStoreTest {
  @TempDir Path dir;
  final FileResultStore store = new FileResultStore();

  @Test
  void writesCreateParentsReplaceWholeFilesAndLeaveNoTemporaryFiles() throws Exception {
    String uri = FileResultStore.uriOf(dir.resolve("lake with space/results/r.json"));

    assertThat(store.read(uri)).isEmpty();
    assertThat(store.exists(uri)).isFalse();
    store.write(uri, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    store.write(uri, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));

    assertThat(store.exists(uri)).isTrue();
    assertThat(new String(store.read(uri).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}");
    try (Stream<Path> files = Files.list(dir.resolve("lake with space/results"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("r.json");
    }
  }

  @Test
  void urisAreHadoopStyleFileUrisAndTheUsualSpellingsAreRead() {
    Path lake = dir.resolve("a b/lake");
    assertThat(FileResultStore.uriOf(lake)).isEqualTo("file:" + lake);
    assertThat(FileResultStore.pathOf("file:" + lake)).isEqualTo(lake);
    assertThat(FileResultStore.pathOf("file://" + lake)).isEqualTo(lake);
    assertThat(FileResultStore.pathOf("file://localhost" + lake)).isEqualTo(lake);
    assertThat(FileResultStore.pathOf("file:/x/../y/_manifest.json")).isEqualTo(Path.of("/y/_manifest.json"));
  }

  @Test
  void otherSchemesHostsAndRelativePathsAreRefused() {
    assertThatThrownBy(() -> store.read("s3://bucket/_manifest.json")).hasMessageContaining("not a file: URI");
    assertThatThrownBy(() -> FileResultStore.pathOf("file://otherhost/x")).hasMessageContaining("another host");
    assertThatThrownBy(() -> FileResultStore.pathOf("file:relative/x")).hasMessageContaining("absolute path");
  }
}
