package io.brighthive.loadstress.scenario;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.ScenarioRun;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Optional;
import java.util.stream.Collectors;

/** JOSDK adapter of {@link ScenarioRunController}: status patches, rescheduling, ttl deletion, the finalizer that cancels a job. */
@ControllerConfiguration(name = ScenarioRunReconciler.NAME)
public final class ScenarioRunReconciler implements Reconciler<ScenarioRun>, Cleaner<ScenarioRun> {
  public static final String NAME = "scenariorun";
  private final ScenarioRunController controller;

  public ScenarioRunReconciler(ScenarioRunController controller) {
    this.controller = controller;
  }

  /** Environments read through the client (one GET per pass of a run). */
  public static ScenarioRunController.Environments environmentsOf(io.fabric8.kubernetes.client.KubernetesClient client) {
    return (namespace, name) -> Optional.ofNullable(
        client.resources(LoadstressEnvironment.class).inNamespace(namespace).withName(name).get());
  }

  @Override
  public UpdateControl<ScenarioRun> reconcile(ScenarioRun run, Context<ScenarioRun> context) {
    RunDecision decision = controller.reconcile(run, () -> context.getPrimaryCache()
        .list(run.getMetadata().getNamespace()).collect(Collectors.toList()));
    if (decision.delete()) {
      context.getClient().resource(run).delete();
      return UpdateControl.noUpdate();
    }
    UpdateControl<ScenarioRun> control = UpdateControl.patchStatus(run);
    decision.recheckAfter().ifPresent(control::rescheduleAfter);
    return control;
  }

  @Override
  public DeleteControl cleanup(ScenarioRun run, Context<ScenarioRun> context) {
    controller.cleanup(run);
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<ScenarioRun> updateErrorStatus(ScenarioRun run, Context<ScenarioRun> context, Exception e) {
    if (run.getStatus() != null) {
      run.getStatus().setMessage("reconcile failed, retrying: " + rootMessage(e));
    }
    return ErrorStatusUpdateControl.patchStatus(run);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
