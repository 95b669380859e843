package io.brighthive.loadstress.environment;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** JOSDK adapter of {@link EnvironmentController}: status patches, rescheduling, the finalizer. */
@ControllerConfiguration(name = LoadstressEnvironmentReconciler.NAME)
public final class LoadstressEnvironmentReconciler implements Reconciler<LoadstressEnvironment>, Cleaner<LoadstressEnvironment> {
  public static final String NAME = "loadstressenvironment";
  private final EnvironmentController controller;
  private final Intervals intervals;

  public LoadstressEnvironmentReconciler(EnvironmentController controller, Intervals intervals) {
    this.controller = controller;
    this.intervals = intervals;
  }

  @Override
  public UpdateControl<LoadstressEnvironment> reconcile(LoadstressEnvironment env, Context<LoadstressEnvironment> context) {
    EnvironmentDecision decision = controller.reconcile(env);
    if (decision.expired()) {
      context.getClient().resource(env).delete();
      return UpdateControl.noUpdate();
    }
    UpdateControl<LoadstressEnvironment> control = UpdateControl.patchStatus(env);
    decision.recheckAfter().ifPresent(control::rescheduleAfter);
    return control;
  }

  @Override
  public DeleteControl cleanup(LoadstressEnvironment env, Context<LoadstressEnvironment> context) {
    String before = io.fabric8.kubernetes.client.utils.Serialization.asJson(env.getStatus());
    boolean gone = controller.cleanup(env);
    if (gone && before.equals(io.fabric8.kubernetes.client.utils.Serialization.asJson(env.getStatus()))) {
      return DeleteControl.defaultDelete();
    }
    // The status is written first, so what was deleted and what was kept is on record before the
    // finalizer goes on the next pass. No resourceVersion: the status describes AWS, which a
    // concurrent edit of the resource does not change, so a conflict would only delay the report.
    LoadstressEnvironment statusOnly = new LoadstressEnvironment();
    statusOnly.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName(env.getMetadata().getName()).withNamespace(env.getMetadata().getNamespace()).build());
    statusOnly.setStatus(env.getStatus());
    context.getClient().resource(statusOnly).patchStatus();
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(gone ? 0 : intervals.inProgress().toMillis());
  }

  @Override
  public ErrorStatusUpdateControl<LoadstressEnvironment> updateErrorStatus(
      LoadstressEnvironment env, Context<LoadstressEnvironment> context, Exception e) {
    boolean terminal = controller.recordError(env, rootCause(e));
    ErrorStatusUpdateControl<LoadstressEnvironment> control = ErrorStatusUpdateControl.patchStatus(env);
    return terminal ? control.withNoRetry() : control;
  }

  private static Exception rootCause(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && !(t instanceof software.amazon.awssdk.core.exception.SdkException)) {
      t = t.getCause();
    }
    return t instanceof Exception ex ? ex : e;
  }
}
