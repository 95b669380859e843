package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JOSDK operator against the dev API server, with server-side apply on (JOSDK's default, which the bare mock
 * answers with 415) and off (the operator's setting): it sees objects applied with kubectl, writes their status,
 * and removes its finalizer when kubectl deletes them.
 */
class DevApiServerOperatorTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @TempDir Path work;

  @ParameterizedTest(name = "server-side apply {0}")
  @ValueSource(booleans = {true, false})
  void operatorReconcilesWhatKubectlApplies(boolean serverSideApply) {
    try (DevApiServer server = DevApiServer.start(DevApiServerOptions.defaults().withCrdDirectory(REPO.resolve("crds"))
        .withKubeconfig(work.resolve("kubeconfig")))) {
      KubernetesClient client = server.client();
      Operator operator = new Operator(o -> o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(serverSideApply)
          .withSSABasedCreateUpdateMatchForDependentResources(serverSideApply)
          .withCloseClientOnStop(false)
          .withInformerStoppedHandler((informer, ex) -> { }));
      operator.register(new ReadyReconciler());
      operator.start();
      try {
        Kubectl kubectl = new Kubectl(server.kubeconfig(), work);
        kubectl.run("apply", "-f", REPO.resolve("examples/environment-local.yaml").toString()).succeeded();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(kubectl.run("get", "lse").succeeded().out())
            .containsPattern("local\\s+subset\\s+local\\s+Ready"));
        LoadstressEnvironment reconciled = client.resources(LoadstressEnvironment.class).withName("local").get();
        assertThat(reconciled.getMetadata().getFinalizers()).isNotEmpty();
        assertThat(reconciled.getStatus().getObservedGeneration()).isEqualTo(1L);

        kubectl.run("delete", "lse", "local", "--timeout=15s").succeeded();
        assertThat(client.resources(LoadstressEnvironment.class).withName("local").get()).isNull();
      } finally {
        operator.stop();
      }
    }
  }

  @ControllerConfiguration
  static final class ReadyReconciler implements Reconciler<LoadstressEnvironment>, Cleaner<LoadstressEnvironment> {
    @Override
    public UpdateControl<LoadstressEnvironment> reconcile(LoadstressEnvironment resource, Context<LoadstressEnvironment> context) {
      LoadstressEnvironment update = new LoadstressEnvironment();
      update.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
          .withName(resource.getMetadata().getName()).withNamespace(resource.getMetadata().getNamespace()).build());
      LoadstressEnvironmentStatus status = new LoadstressEnvironmentStatus();
      status.setPhase(EnvironmentPhase.Ready);
      status.setObservedGeneration(resource.getMetadata().getGeneration());
      update.setStatus(status);
      return UpdateControl.patchStatus(update);
    }

    @Override
    public DeleteControl cleanup(LoadstressEnvironment resource, Context<LoadstressEnvironment> context) {
      return DeleteControl.defaultDelete();
    }
  }
}
