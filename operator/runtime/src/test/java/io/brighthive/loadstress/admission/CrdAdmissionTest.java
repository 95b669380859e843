package io.brighthive.loadstress.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.admission.FieldError.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that the committed CRDs themselves admit what users apply and refuse what they must not,
 * since the mock API server of the other tests validates nothing. Point it at other CRDs (a
 * proposed change) with {@code -Dadmission.crds=<directory>}.
 */
class CrdAdmissionTest {
  /** This module, operator/runtime (Surefire sets basedir); the repository root is two directories above it. */
  static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  static final Path REPO = MODULE.getParent().getParent();
  static final Path CRDS = Path.of(System.getProperty("admission.crds", REPO.resolve("crds").toString()));
  static final Path EXAMPLES = REPO.resolve("examples");
  static final String WORKER_SIZE = "EMR Serverless does not support this worker size";

  /** Every rejection as users would read it, written to this file for people and reports to read. */
  static final Path REJECTIONS_FILE = MODULE.resolve("target/admission-rejections.txt");

  static CrdAdmission admission;
  static final Map<Path, List<Decision>> DECISIONS = new ConcurrentHashMap<>();
  static final Map<String, String> REJECTIONS = new ConcurrentSkipListMap<>();

  @BeforeAll
  static void loadCrds() {
    assertThat(CRDS.resolve("loadstressenvironments.loadstress.brighthive.io.yaml")).exists();
    admission = CrdAdmission.load(CRDS);
  }

  @AfterAll
  static void writeRejections() throws IOException {
    if (!REJECTIONS.isEmpty() && Files.isDirectory(REJECTIONS_FILE.getParent())) {
      StringBuilder text = new StringBuilder();
      REJECTIONS.forEach((file, message) -> text.append(file).append('\n').append("    ").append(message).append('\n'));
      Files.writeString(REJECTIONS_FILE, text);
    }
  }

  static Stream<Named<ObjectNode>> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream().flatMap(file -> {
        List<ObjectNode> documents = Manifests.read(file);
        return IntStream.range(0, documents.size()).mapToObj(i -> Named.of(
            documents.size() == 1 ? file.getFileName().toString() : file.getFileName() + " #" + (i + 1), documents.get(i)));
      });
    }
  }

  static Stream<Named<Path>> invalidManifests() {
    return named(AdmissionFixture.files("invalid"));
  }

  static Stream<Named<Path>> validManifests() {
    return named(AdmissionFixture.files("valid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleIsAdmittedOnCreateAndOnANoOpUpdate(ObjectNode manifest) {
    Decision created = admission.create(manifest);
    assertThat(created.allowed()).as("create: %s", created).isTrue();
    Decision updated = admission.update(manifest, manifest);
    assertThat(updated.allowed()).as("no-op update: %s", updated).isTrue();
  }

  @Test
  void examplesCoverBothKindsAndAllThreeEnvironments() throws IOException {
    List<String> kinds = examples().map(n -> n.getPayload().path("kind").asText()).distinct().sorted().toList();
    assertThat(kinds).containsExactly("LoadstressEnvironment", "ScenarioRun");
    assertThat(EXAMPLES.resolve("environment-full.yaml")).exists();
    assertThat(EXAMPLES.resolve("environment-subset.yaml")).exists();
    assertThat(EXAMPLES.resolve("environment-local.yaml")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidManifests")
  void invalidManifestIsRejected(Path file, TestReporter reporter) {
    AdmissionFixture fixture = AdmissionFixture.read(file);
    assertThat(fixture.description()).as("%s starts with a comment saying what is wrong", file.getFileName()).isNotBlank();
    assertThat(fixture.expected()).as("%s has an '# expect:' line", file.getFileName()).isNotEmpty();
    List<Decision> decisions = decide(fixture);
    for (Decision earlier : decisions.subList(0, decisions.size() - 1)) {
      assertThat(earlier.allowed()).as("%s: the object before the update must be valid: %s", fixture.name(), earlier)
          .isTrue();
    }
    Decision decision = decisions.get(decisions.size() - 1);
    reporter.publishEntry(fixture.name(), decision.message());
    REJECTIONS.put(fixture.name(), decision.message());
    assertThat(decision.allowed()).as("%s (%s) must be rejected", fixture.name(), fixture.description()).isFalse();
    assertThat(decision.message()).contains(fixture.expected());
    fixture.layer().ifPresent(layer -> assertThat(decision.rejectedBy(layer))
        .as("%s must be rejected by the %s layer: %s", fixture.name(), layer, decision).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validManifests")
  void validManifestIsAdmitted(Path file) {
    AdmissionFixture fixture = AdmissionFixture.read(file);
    for (Decision decision : fixture.apply(admission)) {
      assertThat(decision.allowed()).as("%s (%s): %s", fixture.name(), fixture.description(), decision).isTrue();
    }
  }


  @Test
  void everyCelRuleIsExercisedByAnInvalidManifest() {
    Set<String> fired = new TreeSet<>();
    for (Path file : AdmissionFixture.files("invalid")) {
      for (Decision decision : decide(AdmissionFixture.read(file))) {
        decision.causes().stream().filter(c -> c.layer() == Layer.CEL).forEach(c -> fired.add(decision.kind() + " " + c.rule()));
      }
    }
    assertThat(admission.rules()).as("CEL rules of the CRDs").isNotEmpty();
    assertThat(fired).as("rules that some invalid manifest breaks").containsAll(admission.rules());
  }

  @Test
  void theCelLayerRejectsWhatTheSchemaAdmits() {
    ObjectNode full = example("environment-full.yaml");
    assertThat(admission.create(full).allowed()).isTrue();

    ObjectNode supported = full.deepCopy();
    supported.withObjectProperty("spec").withObjectProperty("emr").set("executor", worker(8, 16, 20));
    assertThat(admission.create(supported).allowed()).as("8 vCPU / 16 GB is a supported size").isTrue();

    ObjectNode broken = full.deepCopy();
    broken.withObjectProperty("spec").withObjectProperty("emr").set("executor", worker(8, 18, 20));
    Decision decision = admission.create(broken);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.rejectedBy(Layer.CEL)).isTrue();
    assertThat(decision.rejectedBy(Layer.SCHEMA)).as("18 GB is within the schema's 2..120").isFalse();
    assertThat(decision.messages()).singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("spec.emr.executor: Invalid value: \"object\": " + WORKER_SIZE);
  }

  @Test
  void theSchemaLayerRejectsWhatNoRuleLooksAt() {
    ObjectNode full = example("environment-full.yaml");
    assertThat(admission.create(full).allowed()).isTrue();

    ObjectNode broken = full.deepCopy();
    broken.withObjectProperty("spec").withObjectProperty("dataGeneration").put("records", 0);
    Decision decision = admission.create(broken);
    assertThat(decision.rejectedBy(Layer.SCHEMA)).isTrue();
    assertThat(decision.rejectedBy(Layer.CEL)).isFalse();
    assertThat(decision.message()).isEqualTo("LoadstressEnvironment.loadstress.brighthive.io \"full\" is invalid:"
        + " spec.dataGeneration.records: Invalid value: 0: spec.dataGeneration.records in body should be greater than"
        + " or equal to 1000");
  }

  @Test
  void strictFieldValidationStopsBeforeTheSchema() {
    ObjectNode broken = example("environment-full.yaml");
    ObjectNode spec = broken.withObjectProperty("spec");
    spec.set("modee", spec.remove("mode"));
    Decision decision = admission.create(broken);
    assertThat(decision.causes()).allMatch(c -> c.layer() == Layer.DECODING);
    assertThat(decision.message()).isEqualTo("LoadstressEnvironment in version \"v1alpha1\" cannot be handled as a"
        + " LoadstressEnvironment: strict decoding error: unknown field \"spec.modee\"");
  }

  @Test
  void enumAndRequiredErrorsKeepCelRulesFromRunning() {
    ObjectNode broken = example("environment-full.yaml");
    broken.withObjectProperty("spec").put("provider", "gcp");
    broken.withObjectProperty("spec").withObjectProperty("vpc").put("natGateways", 3);
    Decision decision = admission.create(broken);
    assertThat(decision.rejectedBy(Layer.CEL)).isFalse();
    assertThat(decision.messages()).contains("<nil>: Invalid value: \"null\": some validation rules were not checked"
        + " because the object was invalid; correct the existing errors to complete validation");
  }

  @Test
  void transitionRulesRunOnlyOnUpdate() {
    ObjectNode subset = example("environment-subset.yaml");
    ObjectNode moved = subset.deepCopy();
    moved.withObjectProperty("spec").withObjectProperty("aws").put("region", "eu-west-1");
    assertThat(admission.create(moved).allowed()).isTrue();
    assertThat(admission.update(subset, moved).messages())
        .containsExactly("spec.aws.region: Invalid value: \"string\": aws.region is immutable: delete and recreate the"
            + " environment to move it");
  }

  @Test
  void aRuleThatDoesNotCompileFailsLoudly(@TempDir Path dir) throws IOException {
    String crd = Files.readString(CRDS.resolve("scenarioruns.loadstress.brighthive.io.yaml"));
    assertThat(crd).contains("rule: \"self != ''\"");
    String broken = crd.replace("rule: \"self != ''\"", "rule: \"self.size() > 0 && self.unit == 'm'\"");
    Files.writeString(dir.resolve("broken.yaml"), broken);
    assertThatThrownBy(() -> CrdAdmission.load(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spec.timeout").hasMessageContaining("does not compile");
  }

  private static List<Decision> decide(AdmissionFixture fixture) {
    return DECISIONS.computeIfAbsent(fixture.file(), f -> fixture.apply(admission));
  }

  private static ObjectNode example(String file) {
    return Manifests.read(EXAMPLES.resolve(file)).get(0);
  }

  private static ObjectNode worker(int cpu, int memoryGb, int count) {
    return Manifests.JSON.createObjectNode().put("cpu", cpu).put("memoryGb", memoryGb).put("count", count);
  }

  private static Stream<Named<Path>> named(List<Path> files) {
    return files.stream().map(p -> Named.of(p.getFileName().toString(), p));
  }
}
