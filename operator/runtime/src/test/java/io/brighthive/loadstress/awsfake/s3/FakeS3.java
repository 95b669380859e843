package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.FakeResponse;
import io.brighthive.loadstress.awsfake.FakeService;
import io.brighthive.loadstress.awsfake.XmlWriter;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A stateful S3 fake speaking REST-XML: buckets (CreateBucket, HeadBucket, DeleteBucket, ListBuckets,
 * GetBucketLocation) and objects (PutObject, GetObject with ranges, HeadObject, DeleteObject, DeleteObjects,
 * CopyObject, ListObjectsV2 with real pagination, ListObjectVersions of an unversioned bucket).
 *
 * <p>PutObject accepts what SDK 2.30+ sends by default: an {@code aws-chunked} body with a trailing
 * {@code x-amz-checksum-crc32} (signed chunks over plain HTTP), or a plain body with checksum headers; Content-MD5
 * and every flexible checksum are verified (BadDigest when wrong), and the ETag is the MD5 of the content in quotes.
 * The stored checksum is returned by GetObject/HeadObject when the request asks with {@code x-amz-checksum-mode}.
 *
 * <p>Not implemented (501 NotImplemented): multipart uploads, versioning, ACLs, bucket configuration
 * sub-resources, ListObjects (v1). Region is the request's signing region.
 */
public final class FakeS3 extends FakeService {

  private static final Set<String> OPERATIONS = Set.of("ListBuckets", "CreateBucket", "HeadBucket", "DeleteBucket",
      "GetBucketLocation", "ListObjectsV2", "ListObjectVersions", "DeleteObjects", "PutObject", "GetObject",
      "HeadObject", "DeleteObject", "CopyObject");

  private final Clock clock;
  private final S3Store store = new S3Store();
  private final BucketActions buckets;
  private final ObjectActions objects;

  public FakeS3(Clock clock) {
    super("s3");
    this.clock = clock;
    this.buckets = new BucketActions(store, clock);
    this.objects = new ObjectActions(store, clock);
  }

  @Override
  protected boolean accepts(FakeRequest request) {
    String service = request.signingService();
    if (service != null) {
      return service.equals("s3");
    }
    String credential = S3Target.query(request.rawQuery()).get("X-Amz-Credential");
    if (credential != null) {
      return credential.contains("/s3/aws4_request");
    }
    return !request.isForm() && !request.path().startsWith("/applications");
  }

  @Override
  protected String operation(FakeRequest request) {
    return S3Target.of(request).operation();
  }

  @Override
  protected boolean supports(String operation) {
    return OPERATIONS.contains(operation);
  }

  @Override
  protected FakeResponse handle(String operation, FakeRequest request) {
    S3Target target = S3Target.of(request);
    FakeResponse response = switch (operation) {
      case "ListBuckets" -> buckets.listBuckets();
      case "CreateBucket" -> buckets.createBucket(target, request);
      case "HeadBucket" -> buckets.headBucket(target);
      case "DeleteBucket" -> buckets.deleteBucket(target);
      case "GetBucketLocation" -> buckets.location(target);
      case "ListObjectsV2" -> buckets.listObjectsV2(target);
      case "ListObjectVersions" -> buckets.listObjectVersions(target);
      case "DeleteObjects" -> buckets.deleteObjects(target, request.body());
      case "PutObject" -> objects.putObject(target, request);
      case "GetObject" -> objects.getObject(target, request);
      case "HeadObject" -> objects.headObject(target, request);
      case "DeleteObject" -> objects.deleteObject(target);
      case "CopyObject" -> objects.copyObject(target, request);
      default -> throw S3Errors.notImplemented();
    };
    return withRequestIds(response, request);
  }

  @Override
  protected FakeResponse errorResponse(AwsError error, FakeRequest request) {
    AwsError s3Error = error.code().equals("ValidationError") ? S3Errors.invalidArgument(error.getMessage()) : error;
    String xml = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").start("Error")
        .leaf("Code", s3Error.code()).leaf("Message", s3Error.getMessage()).leaf("RequestId", request.requestId())
        .leaf("HostId", hostId(request)).end().toString();
    FakeResponse response = new FakeResponse(s3Error.status(), Map.of("Content-Type", "application/xml"),
        xml.getBytes(StandardCharsets.UTF_8));
    return withRequestIds(response, request);
  }

  @Override
  protected AwsError unknownOperation(String operation, FakeRequest request) {
    return S3Errors.notImplemented();
  }

  @Override
  protected AwsError throttlingError() {
    return S3Errors.slowDown();
  }

  @Override
  protected AwsError serverError() {
    return S3Errors.internalError();
  }

  @Override
  protected AwsError accessDeniedError(String operation) {
    return S3Errors.accessDenied();
  }

  @Override
  protected void resetState() {
    store.clear();
  }

  private static FakeResponse withRequestIds(FakeResponse response, FakeRequest request) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.put("x-amz-request-id", request.requestId().replace("-", "").substring(0, 16).toUpperCase());
    headers.put("x-amz-id-2", hostId(request));
    return new FakeResponse(response.status(), Map.copyOf(headers), response.body());
  }

  private static String hostId(FakeRequest request) {
    return Base64.getEncoder().encodeToString(request.requestId().getBytes(StandardCharsets.UTF_8));
  }







  // ---- test helpers (no call is counted) ----

  /** Creates the bucket in {@link FakeAws#REGION} unless it exists; returns this for chaining. */
  public FakeS3 createBucketOutOfBand(String bucket) {
    store.createBucket(bucket, FakeAws.REGION.id(), clock.instant());
    return this;
  }

  public boolean bucketExists(String bucket) {
    return store.bucket(bucket).isPresent();
  }

  /** Names of all buckets, sorted. */
  public List<String> buckets() {
    return store.buckets().stream().map(b -> b.name).toList();
  }

  /** Stores an object as if someone uploaded it (the bucket must exist): ETag and a CRC32 checksum included. */
  public FakeS3 putObjectOutOfBand(String bucket, String key, byte[] content) {
    byte[] data = content.clone();
    Checksums.Value crc32 = new Checksums.Value("CRC32", Checksums.compute("CRC32", data));
    store.put(bucket, new S3Object(key, data, Checksums.etag(data), clock.instant(),
        Map.of("Content-Type", "binary/octet-stream"), Map.of(), crc32));
    return this;
  }

  public FakeS3 putObjectOutOfBand(String bucket, String key, String content) {
    return putObjectOutOfBand(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  /** The bucket's objects, key to a copy of the content, in key order; NoSuchBucket as an AwsError if absent. */
  public SortedMap<String, byte[]> objects(String bucket) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    store.snapshot(bucket).forEach((k, v) -> out.put(k, v.data().clone()));
    return out;
  }

  public Optional<byte[]> object(String bucket, String key) {
    return store.bucket(bucket).flatMap(b -> store.get(bucket, key)).map(o -> o.data().clone());
  }

  /** The object's content as UTF-8 text, if it exists. */
  public Optional<String> objectText(String bucket, String key) {
    return object(bucket, key).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Deletes the bucket and whatever it holds, as someone in the console would. */
  public void deleteBucketOutOfBand(String bucket) {
    if (bucketExists(bucket)) {
      store.deleteBucket(bucket, true);
    }
  }

  /** The hook through which stacks create and delete AWS::S3::Bucket resources in this fake. */
  public ResourceHook stackHook() {
    return new BucketStackHook(store, clock);
  }

  static String requestIdFor(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
        .substring(0, 16).toUpperCase();
  }
}
