package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.cloudformation.ProvisionedResource;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.time.Clock;
import java.util.Base64;

/**
 * AWS::S3::Bucket in stacks: the bucket (named by the resource's physical id) exists from its CREATE_COMPLETE on; a
 * stack deletion fails on a bucket that still holds objects, with the reason CloudFormation reports; a bucket whose
 * name is taken fails its creation.
 */
final class BucketStackHook implements ResourceHook {

  private final S3Store store;
  private final Clock clock;

  BucketStackHook(S3Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String createFailure(ProvisionedResource resource) {
    return store.bucket(resource.physicalId()).isPresent() ? resource.physicalId() + " already exists" : null;
  }

  @Override
  public void created(ProvisionedResource resource) {
    store.createBucket(resource.physicalId(), resource.region(), clock.instant());
  }

  @Override
  public String deleted(ProvisionedResource resource, Deletion deletion) {
    if (store.bucket(resource.physicalId()).isEmpty()) {
      return null;
    }
    try {
      store.deleteBucket(resource.physicalId(), deletion == Deletion.FORCE);
      return null;
    } catch (RuntimeException notEmpty) {
      String requestId = FakeS3.requestIdFor(resource.stackId() + resource.logicalId() + clock.instant());
      return "The bucket you tried to delete is not empty (Service: Amazon S3; Status Code: 409; Error Code: "
          + "BucketNotEmpty; Request ID: " + requestId + "; S3 Extended Request ID: "
          + Base64.getEncoder().encodeToString(requestId.getBytes()) + "; Proxy: null)";
    }
  }
}
