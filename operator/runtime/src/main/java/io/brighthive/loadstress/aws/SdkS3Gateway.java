package io.brighthive.loadstress.aws;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** {@link S3Gateway} on the AWS SDK v2 client. */
public final class SdkS3Gateway implements S3Gateway {
  private final S3Client client;

  public SdkS3Gateway(S3Client client) {
    this.client = client;
  }

  @Override
  public int deleteSomeObjects(String bucket, int max) {
    try {
      List<ObjectIdentifier> keys = client.listObjectsV2(b -> b.bucket(bucket).maxKeys(Math.min(max, 1000))).contents().stream()
          .map(o -> ObjectIdentifier.builder().key(o.key()).build())
          .toList();
      if (keys.isEmpty()) {
        return 0;
      }
      client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
      return keys.size();
    } catch (NoSuchBucketException e) {
      return 0;
    }
  }
}
