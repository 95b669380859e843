package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.aws.RedshiftGateway;
import io.brighthive.loadstress.aws.S3Gateway;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.environment.render.StackOutputs;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.status.Reason;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What must happen before a stack can be deleted: a data lake bucket under Delete is emptied
 * (CloudFormation cannot delete a bucket that holds objects), and a paused Redshift cluster is
 * resumed (AWS refuses to delete a paused cluster). Both proceed a page at a time, never waiting.
 */
public final class AwsPreDeleteHooks implements PreDeleteHooks {
  static final int OBJECTS_PER_STEP = 1000;
  private final Function<ResolvedEnvironment, S3Gateway> s3;
  private final Function<ResolvedEnvironment, RedshiftGateway> redshift;

  public AwsPreDeleteHooks(Function<ResolvedEnvironment, S3Gateway> s3, Function<ResolvedEnvironment, RedshiftGateway> redshift) {
    this.s3 = s3;
    this.redshift = redshift;
  }

  @Override
  public StackTeardown.PreDelete forComponent(Component component, ResolvedEnvironment resolved, StackState recorded) {
    Map<String, String> outputs = recorded == null || recorded.getOutputs() == null ? Map.of() : recorded.getOutputs();
    return switch (component) {
      case DATA_LAKE -> resolved.dataLake().deletionPolicy() == DeletionPolicy.Retain || !outputs.containsKey(StackOutputs.BUCKET_NAME)
          ? StackTeardown.PreDelete.NONE
          : (stack, state) -> emptyBucket(resolved, outputs.get(StackOutputs.BUCKET_NAME), state);
      case REDSHIFT -> !outputs.containsKey(StackOutputs.REDSHIFT_CLUSTER_ID)
          ? StackTeardown.PreDelete.NONE
          : (stack, state) -> resumeIfPaused(resolved, outputs.get(StackOutputs.REDSHIFT_CLUSTER_ID), state);
      default -> StackTeardown.PreDelete.NONE;
    };
  }

  private Optional<StackOutcome> emptyBucket(ResolvedEnvironment resolved, String bucket, StackState state) {
    int deleted = s3.apply(resolved).deleteSomeObjects(bucket, OBJECTS_PER_STEP);
    if (deleted == 0) {
      return Optional.empty();
    }
    return Optional.of(new StackOutcome(state, StackHealth.PROGRESSING, Reason.EmptyingBucket,
        "emptying bucket " + bucket + " before deleting its stack (deletionPolicy Delete): removed " + deleted + " objects", true));
  }

  private Optional<StackOutcome> resumeIfPaused(ResolvedEnvironment resolved, String clusterId, StackState state) {
    RedshiftGateway gateway = redshift.apply(resolved);
    Optional<String> status = gateway.clusterStatus(clusterId);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    switch (status.get()) {
      case "paused" -> {
        gateway.resume(clusterId);
        return Optional.of(resuming(state, "resuming paused cluster " + clusterId + ": AWS does not delete a paused cluster", true));
      }
      case "resuming", "pausing" -> {
        return Optional.of(resuming(state, "waiting for cluster " + clusterId + " to leave " + status.get() + " before deleting it", false));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static StackOutcome resuming(StackState state, String message, boolean notable) {
    return new StackOutcome(state, StackHealth.PROGRESSING, Reason.ResumingCluster, message, notable);
  }
}
