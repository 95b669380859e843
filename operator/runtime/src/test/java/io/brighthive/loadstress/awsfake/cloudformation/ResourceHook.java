package io.brighthive.loadstress.awsfake.cloudformation;

/**
 * Lets another service fake own the resources of one type that stacks create, so that what CloudFormation creates
 * (an S3 bucket, a Redshift cluster, an EMR Serverless application) exists in that service's fake too, and its state
 * can make a stack deletion fail as AWS would. Registered with {@link FakeCloudFormation#resourceHook}.
 *
 * <p>Hooks are called under the CloudFormation fake's lock, at the instant of the resource's event on the fake clock.
 */
public interface ResourceHook {

  /** How the stack wants the resource gone. */
  enum Deletion {
    /** DeletionPolicy Delete (the default): the service may refuse, e.g. a bucket that still holds objects. */
    DELETE,
    /** DeletionPolicy Snapshot: keep a final snapshot, then delete. */
    SNAPSHOT,
    /** A rollback, the cleanup of an update, or an out-of-band delete: must not refuse. */
    FORCE
  }

  /** The CREATE_FAILED reason when creating the resource now would fail (e.g. the name is taken), or null. */
  default String createFailure(ProvisionedResource resource) {
    return null;
  }

  /** The resource reached CREATE_COMPLETE (by a create, or as a resource an update added). */
  void created(ProvisionedResource resource);

  /** Deletes the resource; answers null when it is gone, else the reason of its DELETE_FAILED event. */
  String deleted(ProvisionedResource resource, Deletion deletion);
}
