package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the dev API server, as a developer uses them; the fabric8 client plays the operator. */
class DevApiServerTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
  private static final Path EXAMPLES = REPO.resolve("examples");
  private static final String API_VERSION = "loadstress.brighthive.io/v1alpha1";

  @TempDir Path work;
  private DevApiServer server;
  private KubernetesClient client;
  private Kubectl kubectl;

  @BeforeEach
  void start() {
    server = DevApiServer.start(DevApiServerOptions.defaults().withCrdDirectory(REPO.resolve("crds"))
        .withKubeconfig(work.resolve("kubeconfig")));
    client = server.client();
    kubectl = new Kubectl(server.kubeconfig(), work);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getPrintsThePrinterColumnsOfAnAppliedEnvironment() {
    assertThat(kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded().out())
        .contains("loadstressenvironment.loadstress.brighthive.io/local created");

    List<String> lines = kubectl.run("get", "lse").succeeded().out().lines().toList();

    assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "MODE", "PROVIDER", "PHASE", "READY", "RECORDS", "COST/DAY", "AGE");
    assertThat(lines.get(1)).matches("local\\s+subset\\s+local\\s+\\d+s");
  }

  @Test
  void getShowsTheStatusTheOperatorWrites() {
    kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded();
    kubectl.run("apply", "-f", example("scenariorun-s02.yaml")).succeeded();

    GenericKubernetesResource environment = environment().get();
    environment.setAdditionalProperty("status", Map.of("phase", "Ready",
        "conditions", List.of(Map.of("type", "Provisioned", "status", "True"), Map.of("type", "Ready", "status", "True")),
        "dataGeneration", Map.of("records", 1000000), "cost", Map.of("dailyUsd", 12.5)));
    client.resource(environment).updateStatus();
    GenericKubernetesResource run = scenarioRun().get();
    run.setAdditionalProperty("status", Map.of("phase", "Succeeded", "duration", "4m12s",
        "result", Map.of("verdict", "Pass", "latencyMs", Map.of("p95", 123.4))));
    client.resource(run).patchStatus();

    assertThat(kubectl.run("get", "lse").succeeded().out())
        .containsPattern("local\\s+subset\\s+local\\s+Ready\\s+True\\s+1000000\\s+12\\.5\\s+\\d+s");
    List<String> runs = kubectl.run("get", "sr").succeeded().out().lines().toList();
    assertThat(runs.get(0).split("\\s+"))
        .containsExactly("NAME", "SCENARIO", "ENVIRONMENT", "PHASE", "VERDICT", "P95(MS)", "DURATION", "AGE");
    assertThat(runs.get(1)).matches("s02-conflicts\\s+S02\\s+local\\s+Succeeded\\s+Pass\\s+123\\.4\\s+4m12s\\s+\\d+s");
  }

  @Test
  void getByCategoryListsBothKinds() {
    kubectl.run("apply", "-f", example("environment-local.yaml"), "-f", example("scenariorun-s02.yaml")).succeeded();

    assertThat(kubectl.run("get", "loadstress").succeeded().out())
        .contains("loadstressenvironment.loadstress.brighthive.io/local")
        .contains("scenariorun.loadstress.brighthive.io/s02-conflicts");
  }

  @Test
  void getWatchShowsAStatusTransition() {
    kubectl.run("apply", "-f", example("scenariorun-s02.yaml")).succeeded();

    try (Kubectl.Running watch = kubectl.background("get", "sr", "-w")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.out().text().contains("s02-conflicts"));
      GenericKubernetesResource run = scenarioRun().get();
      run.setAdditionalProperty("status", Map.of("phase", "Running"));
      client.resource(run).updateStatus();

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(watch.out().text()).containsPattern("s02-conflicts\\s+S02\\s+local\\s+Running"));
      assertThat(watch.process().isAlive()).isTrue();
    }
  }

  @Test
  void describeShowsTheEventsOfTheObject() {
    kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded();
    GenericKubernetesResource environment = environment().get();
    event("local.provisioning", environment, "Provisioning", "creating the local data lake");
    event("other.ready", otherObject(), "Ready", "an event of another object");

    String described = kubectl.run("describe", "lse", "local").succeeded().out();

    assertThat(described).contains("Name:         local").contains("Mode:       subset");
    assertThat(described).containsPattern("Normal\\s+Provisioning\\s+\\d+s\\s+loadstress-operator\\s+creating the local data lake");
    assertThat(described).doesNotContain("another object");
  }

  @Test
  void deleteKeepsAnObjectWithAFinalizerUntilTheFinalizerIsRemoved() {
    kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded();
    environment().edit(e -> {
      e.getMetadata().setFinalizers(List.of("loadstress.brighthive.io/cleanup"));
      return e;
    });

    try (Kubectl.Running delete = kubectl.background("delete", "lse", "local", "--timeout=30s")) {
      await().atMost(Duration.ofSeconds(10))
          .until(() -> environment().get().getMetadata().getDeletionTimestamp() != null);
      assertThat(kubectl.run("get", "lse", "local", "-o", "jsonpath={.metadata.deletionTimestamp}").succeeded().out())
          .isNotBlank();
      assertThat(delete.process().isAlive()).as("kubectl delete waits for the finalizer").isTrue();

      environment().edit(e -> {
        e.getMetadata().setFinalizers(List.of());
        return e;
      });

      await().atMost(Duration.ofSeconds(10)).until(() -> !delete.process().isAlive());
      assertThat(delete.process().exitValue()).isZero();
      assertThat(delete.out().text()).contains("\"local\" deleted");
      assertThat(environment().get()).isNull();
    }
  }

  @Test
  void explainPrintsTheFieldDescriptionFromTheCrd() {
    assertThat(kubectl.run("explain", "lse.spec.mode").succeeded().out())
        .contains("KIND:       LoadstressEnvironment")
        .contains("FIELD: mode <string>")
        .contains("subset: 1M records, single-node Redshift, 2 executors.");
  }

  @Test
  void applyingAChangedFileUpdatesTheObjectAndBumpsTheGeneration() throws IOException {
    kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded();
    assertThat(environment().get().getMetadata().getGeneration()).isEqualTo(1);
    Path changed = work.resolve("environment-local.yaml");
    Files.writeString(changed, Files.readString(EXAMPLES.resolve("environment-local.yaml"))
        .replace("records: 1000000", "records: 2000000"));

    assertThat(kubectl.run("apply", "-f", changed.toString()).succeeded().out()).contains("local configured");

    GenericKubernetesResource environment = environment().get();
    assertThat(environment.getMetadata().getGeneration()).isEqualTo(2);
    assertThat(environment.<Integer>get("spec", "dataGeneration", "records")).isEqualTo(2000000);
    assertThat(kubectl.run("apply", "-f", changed.toString()).succeeded().out()).contains("local unchanged");
  }

  @Test
  void patchMergeChangesTheSpec() {
    kubectl.run("apply", "-f", example("environment-local.yaml")).succeeded();

    assertThat(kubectl.run("patch", "lse", "local", "--type", "merge", "-p", "{\"spec\":{\"suspend\":true}}").succeeded().out())
        .contains("local patched");

    GenericKubernetesResource environment = environment().get();
    assertThat(environment.<Boolean>get("spec", "suspend")).isTrue();
    assertThat(environment.getMetadata().getGeneration()).isEqualTo(2);
    kubectl.run("patch", "lse", "local", "--type", "json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/mode\",\"value\":\"full\"}]")
        .succeeded();
    assertThat(environment().get().<String>get("spec", "mode")).isEqualTo("full");
  }

  @Test
  void editAndServerSideApplyChangeTheObject() throws IOException {
    kubectl.run("apply", "--server-side", "-f", example("environment-local.yaml")).succeeded();
    Path editor = work.resolve("editor.sh");
    Files.writeString(editor, "#!/bin/sh\nsed -i 's/seed: 42/seed: 7/' \"$1\"\n");
    editor.toFile().setExecutable(true);

    assertThat(kubectl.run(Map.of("EDITOR", editor.toString()), "edit", "lse", "local").succeeded().out()).contains("edited");

    assertThat(environment().get().<Integer>get("spec", "dataGeneration", "seed")).isEqualTo(7);
  }

  @Test
  void applyRefusesFieldsTheCrdDoesNotDeclareUnlessValidationIsOff() throws IOException {
    Path typo = work.resolve("typo.yaml");
    Files.writeString(typo, Files.readString(EXAMPLES.resolve("environment-local.yaml")).replace("mode: subset", "modee: full"));

    Kubectl.Result refused = kubectl.run("apply", "-f", typo.toString());
    Kubectl.Result pruned = kubectl.run("apply", "--validate=false", "-f", typo.toString()).succeeded();

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("strict decoding error: unknown field \"spec.modee\"");
    assertThat(pruned.out()).contains("local created");
    assertThat(environment().get().<Object>get("spec", "modee")).isNull();
  }

  private Resource<GenericKubernetesResource> environment() {
    return client.genericKubernetesResources(API_VERSION, "LoadstressEnvironment").inNamespace("default").withName("local");
  }

  private Resource<GenericKubernetesResource> scenarioRun() {
    return client.genericKubernetesResources(API_VERSION, "ScenarioRun").inNamespace("default").withName("s02-conflicts");
  }

  private GenericKubernetesResource otherObject() {
    GenericKubernetesResource other = new GenericKubernetesResource();
    other.setApiVersion(API_VERSION);
    other.setKind("LoadstressEnvironment");
    other.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("other").withNamespace("default")
        .withUid("4f2a").build());
    return other;
  }

  private void event(String name, GenericKubernetesResource about, String reason, String message) {
    String now = Instant.now().toString();
    client.v1().events().inNamespace("default").resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion()).withKind(about.getKind())
            .withName(about.getMetadata().getName()).withNamespace("default").withUid(about.getMetadata().getUid()).build())
        .withType("Normal").withReason(reason).withMessage(message).withFirstTimestamp(now).withLastTimestamp(now)
        .withCount(1).withNewSource().withComponent("loadstress-operator").endSource()
        .build()).create();
  }

  private static String example(String file) {
    return EXAMPLES.resolve(file).toString();
  }
}
