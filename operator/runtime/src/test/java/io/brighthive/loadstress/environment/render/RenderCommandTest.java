package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.cli.RenderCommand;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render -f <manifest> -o <dir>} end to end, on the repository's examples. */
class RenderCommandTest {
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().getParent().resolve("examples");

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void subsetExampleGivesFiveTemplatesAndASummary() throws IOException {
    Path output = dir.resolve("out");

    assertThat(run("-f", EXAMPLES.resolve("environment-subset.yaml").toString(), "-o", output.toString())).isZero();
    assertThat(files(output)).containsExactlyInAnyOrder(
        "ls-loadstress-subset-45af27a6-vpc.json", "ls-loadstress-subset-45af27a6-datalake.json",
        "ls-loadstress-subset-45af27a6-redshift.json", "ls-loadstress-subset-45af27a6-emr.json",
        "ls-loadstress-subset-45af27a6-monitoring.json", "summary.txt");
    String summary = Files.readString(output.resolve("summary.txt"));
    assertThat(summary).contains("Redshift: 1 x ra3.xlplus, single-node")
        .contains("executors 2 x 16 vCPU / 64 GB")
        .contains("AWS::CloudWatch::Alarm")
        .contains("price table of " + PriceTable.US_WEST_2.asOf())
        .contains("per hour").contains("per day");
  }

  @Test
  void fullExampleGivesFiveTemplatesAndASummary() throws IOException {
    Path output = dir.resolve("full");

    assertThat(run("-f", EXAMPLES.resolve("environment-full.yaml").toString(), "-o", output.toString())).isZero();
    assertThat(files(output)).hasSize(6).contains("summary.txt").allMatch(f -> f.startsWith("ls-loadstress-full-")
        || f.equals("summary.txt"));
    assertThat(Files.readString(output.resolve("summary.txt")))
        .contains("Redshift: 2 x ra3.xlplus, multi-node")
        .contains("executors 20 x 16 vCPU / 120 GB");
  }

  @Test
  void localExampleWritesOnlyASummary() throws IOException {
    Path output = dir.resolve("local");

    assertThat(run("-f", EXAMPLES.resolve("environment-local.yaml").toString(), "-o", output.toString())).isZero();
    assertThat(files(output)).containsExactly("summary.txt");
    assertThat(Files.readString(output.resolve("summary.txt")))
        .contains("No CloudFormation templates are rendered for local environments");
  }

  @Test
  void badManifestIsRejectedAndNothingIsWritten() throws IOException {
    Path manifest = dir.resolve("bad.yaml");
    Files.writeString(manifest, String.join("\n",
        "apiVersion: loadstress.brighthive.io/v1alpha1",
        "kind: LoadstressEnvironment",
        "metadata:",
        "  name: bad",
        "  namespace: loadstress",
        "spec:",
        "  mode: full",
        "  aws:",
        "    region: us-west-2",
        "  vpc:",
        "    cidr: 10.0.0.1/16",
        "  emr:",
        "    executor: {cpu: 32, memoryGb: 128, count: 20}",
        ""), StandardCharsets.UTF_8);
    Path output = dir.resolve("never");

    assertThat(run("-f", EXAMPLES.resolve("environment-subset.yaml").toString(), "-f", manifest.toString(),
        "-o", output.toString())).isEqualTo(1);
    assertThat(output).doesNotExist();
    assertThat(err.toString())
        .contains("Nothing was written")
        .contains("loadstress/bad: spec.vpc.cidr: 10.0.0.1/16 is not a network address")
        .contains("loadstress/bad: spec.emr.executor: 32 vCPU / 128 GB: EMR Serverless does not support this worker size");
  }

  @Test
  void unknownFieldsAndOtherKindsAreRejected() throws IOException {
    Path manifest = dir.resolve("typo.yaml");
    Files.writeString(manifest, String.join("\n",
        "apiVersion: loadstress.brighthive.io/v1alpha1",
        "kind: LoadstressEnvironment",
        "metadata: {name: typo}",
        "spec: {mode: subset, aws: {region: us-west-2}, redshfit: {nodes: 2}}",
        "---",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: {name: other}",
        ""), StandardCharsets.UTF_8);

    assertThat(run("-f", manifest.toString(), "-o", dir.resolve("never").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("redshfit").contains("is v1 ConfigMap, not loadstress.brighthive.io/v1alpha1");
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new RenderCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private static List<String> files(Path directory) throws IOException {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed.map(p -> p.getFileName().toString()).toList();
    }
  }
}
