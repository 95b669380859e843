package io.brighthive.loadstress.aws;

import io.brighthive.loadstress.jobs.ResultStore;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link ResultStore} on S3: s3://bucket/key URIs. */
public final class S3ResultStore implements ResultStore {
  private final S3Client client;

  public S3ResultStore(S3Client client) {
    this.client = client;
  }

  @Override
  public Optional<byte[]> read(String uri) {
    Location at = Location.of(uri);
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key())).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean exists(String uri) {
    Location at = Location.of(uri);
    try {
      client.headObject(b -> b.bucket(at.bucket()).key(at.key()));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void write(String uri, byte[] content) {
    Location at = Location.of(uri);
    client.putObject(b -> b.bucket(at.bucket()).key(at.key()), RequestBody.fromBytes(content));
  }

  record Location(String bucket, String key) {
    static Location of(String uri) {
      URI u = URI.create(uri);
      if (!"s3".equals(u.getScheme()) || u.getHost() == null || u.getPath().length() < 2) {
        throw new IllegalArgumentException("not an s3://bucket/key URI: " + uri);
      }
      return new Location(u.getHost(), u.getPath().substring(1));
    }
  }
}
