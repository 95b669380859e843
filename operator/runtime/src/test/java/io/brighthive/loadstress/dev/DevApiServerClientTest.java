package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API semantics the operator relies on, through the fabric8 client as JOSDK uses it. */
class DevApiServerClientTest {
  private static final Path CRDS = Path.of("../../crds").toAbsolutePath().normalize();
  private static final String API_VERSION = "loadstress.brighthive.io/v1alpha1";
  private DevApiServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = DevApiServer.start(DevApiServerOptions.defaults().withCrdDirectory(CRDS));
    client = server.client();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void statusSubresourceSeparatesSpecFromStatusAndGenerationCountsSpecChanges() {
    GenericKubernetesResource created = client.resource(environment("local", Map.of("phase", "Ready"))).create();
    assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1);
    long version = Long.parseLong(created.getMetadata().getResourceVersion());

    created.setAdditionalProperty("status", Map.of("phase", "Provisioning"));
    GenericKubernetesResource statusWritten = client.resource(created).updateStatus();
    assertThat(statusWritten.<String>get("status", "phase")).isEqualTo("Provisioning");
    assertThat(statusWritten.getMetadata().getGeneration()).isEqualTo(1);
    assertThat(Long.parseLong(statusWritten.getMetadata().getResourceVersion())).isGreaterThan(version);

    statusWritten.setAdditionalProperty("status", Map.of("phase", "Failed"));
    statusWritten.setAdditionalProperty("spec", Map.of("mode", "full", "provider", "local"));
    GenericKubernetesResource specWritten = client.resource(statusWritten).update();
    assertThat(specWritten.<String>get("status", "phase")).as("PUT on the object ignores status").isEqualTo("Provisioning");
    assertThat(specWritten.<String>get("spec", "mode")).isEqualTo("full");
    assertThat(specWritten.getMetadata().getGeneration()).isEqualTo(2);

    specWritten.setAdditionalProperty("spec", Map.of("mode", "subset", "provider", "local"));
    specWritten.setAdditionalProperty("status", Map.of("phase", "Ready"));
    GenericKubernetesResource viaStatus = client.resource(specWritten).updateStatus();
    assertThat(viaStatus.<String>get("spec", "mode")).as("PUT on /status ignores spec").isEqualTo("full");
    assertThat(viaStatus.getMetadata().getGeneration()).isEqualTo(2);

    GenericKubernetesResource labelled = client.resource(viaStatus).edit(e -> {
      e.getMetadata().setLabels(Map.of("team", "data"));
      return e;
    });
    assertThat(labelled.getMetadata().getGeneration()).as("metadata changes keep the generation").isEqualTo(2);
  }

  @Test
  void fieldsTheSchemaDoesNotDeclareArePruned() {
    GenericKubernetesResource created = client.resource(environment("local", null)).create();
    created.setAdditionalProperty("status", Map.of("phase", "Ready", "undeclared", 1,
        "stacks", Map.of("vpc", Map.of("stackName", "s", "bogus", true))));

    GenericKubernetesResource written = client.resource(created).updateStatus();

    assertThat(written.<String>get("status", "phase")).isEqualTo("Ready");
    assertThat(written.<Object>get("status", "undeclared")).isNull();
    assertThat(written.<String>get("status", "stacks", "vpc", "stackName")).isEqualTo("s");
    assertThat(written.<Object>get("status", "stacks", "vpc", "bogus")).isNull();
  }

  @Test
  void writesWithAStaleResourceVersionConflict() {
    GenericKubernetesResource created = client.resource(environment("local", null)).create();
    client.resource(created).edit(e -> {
      e.getMetadata().setLabels(Map.of("a", "b"));
      return e;
    });

    created.setAdditionalProperty("status", Map.of("phase", "Ready"));
    assertThatThrownBy(() -> client.resource(created).updateStatus())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThatThrownBy(() -> client.resource(created).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void mergePatchFollowsRfc7386AndServerSideApplyCreatesThenMerges() {
    GenericKubernetesResource applied = client.resource(environment("local", null)).fieldManager("test").forceConflicts()
        .serverSideApply();
    assertThat(applied.getMetadata().getUid()).isNotBlank();
    client.resource(applied).edit(e -> {
      e.getMetadata().setFinalizers(List.of("a", "b"));
      return e;
    });

    GenericKubernetesResource patched = client.genericKubernetesResources(API_VERSION, "LoadstressEnvironment")
        .inNamespace("default").withName("local").patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"finalizers\":[\"b\"]},\"spec\":{\"provider\":null,\"suspend\":true}}");

    assertThat(patched.getMetadata().getFinalizers()).containsExactly("b");
    assertThat(patched.<Object>get("spec", "provider")).isNull();
    assertThat(patched.<Boolean>get("spec", "suspend")).isTrue();
  }

  @Test
  void eventsAreFilteredByInvolvedObject() {
    GenericKubernetesResource local = client.resource(environment("local", null)).create();
    event("e1", "local", local.getMetadata().getUid());
    event("e2", "other", "1234");

    var events = client.v1().events().inNamespace("default").withField("involvedObject.name", "local")
        .withField("involvedObject.kind", "LoadstressEnvironment").list().getItems();

    assertThat(events).extracting(e -> e.getMetadata().getName()).containsExactly("e1");
  }

  @Test
  void labelSelectorsTakeTheSetSyntax() {
    for (String name : List.of("a", "b", "c")) {
      client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name)
          .addToLabels("tier", name.equals("c") ? "gold" : "bronze").endMetadata().build()).create();
    }

    List<ConfigMap> bronze = client.configMaps().withLabelIn("tier", "bronze", "silver").list().getItems();
    List<ConfigMap> notBronze = client.configMaps().withLabelNotIn("tier", "bronze").list().getItems();

    assertThat(bronze).extracting(c -> c.getMetadata().getName()).containsExactly("a", "b");
    assertThat(notBronze).extracting(c -> c.getMetadata().getName()).containsExactly("c");
  }

  @ParameterizedTest(name = "onlyHttpWatches={0}")
  @ValueSource(booleans = {false, true})
  void watchesDeliverEventsOverWebSocketsAndHttp(boolean onlyHttp) {
    try (KubernetesClient watching = client(onlyHttp)) {
      List<String> seen = new CopyOnWriteArrayList<>();
      var resources = watching.resources(LoadstressEnvironment.class).inNamespace("default");
      try (var watch = resources.watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, LoadstressEnvironment resource) {
          seen.add(action + " " + resource.getMetadata().getName());
        }

        @Override
        public void onClose(WatcherException cause) {}
      })) {
        GenericKubernetesResource created = client.resource(environment("local", null)).create();
        created.setAdditionalProperty("status", Map.of("phase", "Ready"));
        client.resource(created).updateStatus();
        client.resource(created).delete();

        await().atMost(Duration.ofSeconds(10))
            .until(() -> seen.equals(List.of("ADDED local", "MODIFIED local", "DELETED local")));
      }
    }
  }

  @Test
  void informersOfTheOperatorsTypesSeeEveryChange() {
    List<String> seen = new CopyOnWriteArrayList<>();
    client.resource(environment("before", null)).create();
    var informer = client.resources(LoadstressEnvironment.class).inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(LoadstressEnvironment e) {
        seen.add("add " + e.getMetadata().getName());
      }

      @Override
      public void onUpdate(LoadstressEnvironment old, LoadstressEnvironment e) {
        seen.add("update " + e.getMetadata().getName() + " " + (e.getStatus() == null ? null : e.getStatus().getPhase()));
      }

      @Override
      public void onDelete(LoadstressEnvironment e, boolean unknown) {
        seen.add("delete " + e.getMetadata().getName());
      }
    });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("add before"));
      GenericKubernetesResource after = client.resource(environment("after", null)).create();
      after.setAdditionalProperty("status", Map.of("phase", "Ready"));
      client.resource(after).updateStatus();
      client.resource(after).delete();

      await().atMost(Duration.ofSeconds(10))
          .until(() -> seen.equals(List.of("add before", "add after", "update after Ready", "delete after")));
    } finally {
      informer.close();
    }
  }

  private KubernetesClient client(boolean onlyHttpWatches) {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace("default")
        .withOnlyHttpWatches(onlyHttpWatches).build();
    return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
  }

  private static GenericKubernetesResource environment(String name, Map<String, Object> status) {
    GenericKubernetesResource environment = new GenericKubernetesResource();
    environment.setApiVersion(API_VERSION);
    environment.setKind("LoadstressEnvironment");
    environment.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("default").build());
    environment.setAdditionalProperty("spec", Map.of("mode", "subset", "provider", "local"));
    if (status != null) {
      environment.setAdditionalProperty("status", status);
    }
    return environment;
  }

  private void event(String name, String objectName, String uid) {
    client.v1().events().inNamespace("default").resource(new EventBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(API_VERSION).withKind("LoadstressEnvironment")
            .withName(objectName).withNamespace("default").withUid(uid).build())
        .withType("Normal").withReason("Test").withMessage(name).build()).create();
  }
}
