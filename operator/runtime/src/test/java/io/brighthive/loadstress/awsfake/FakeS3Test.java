package io.brighthive.loadstress.awsfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.awsfake.s3.FakeS3;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 fake through the real SDK client: what SDK 2.40 puts on the wire by default, and what it expects back. */
class FakeS3Test {

  @RegisterExtension
  static final FakeAwsExtension AWS = new FakeAwsExtension();

  private static S3Client s3;
  private static S3Client whenRequired;
  private FakeS3 fake;

  @BeforeAll
  static void clients() {
    s3 = AWS.fake().s3();
    whenRequired = AWS.fake().configure(S3Client.builder()).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
  }

  @BeforeEach
  void bucket() {
    fake = AWS.fake().service(FakeS3.class);
    s3.createBucket(r -> r.bucket("lake"));
  }

  @Test
  void bucketsAreCreatedHeadedListedAndDeleted() {
    assertThat(s3.headBucket(r -> r.bucket("lake")).bucketRegion()).isEqualTo("us-west-2");
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("lake");
    assertThat(s3.getBucketLocation(r -> r.bucket("lake")).locationConstraintAsString()).isEqualTo("us-west-2");
    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("lake")))
        .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("xn--reserved-prefix")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
        });

    s3.putObject(r -> r.bucket("lake").key("a"), RequestBody.fromString("x"));
    assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket("lake")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(409);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket you tried to delete is not empty");
        });
    s3.deleteObject(r -> r.bucket("lake").key("a"));
    s3.deleteBucket(r -> r.bucket("lake"));

    assertThat(fake.bucketExists("lake")).isFalse();
    assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("lake")))
        .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThatThrownBy(() -> s3.putObject(r -> r.bucket("lake").key("a"), RequestBody.fromString("x")))
        .isInstanceOfSatisfying(NoSuchBucketException.class, e ->
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
  }

  @Test
  void putObjectDecodesTheDefaultAwsChunkedUploadWithItsTrailingCrc32() {
    s3.putObject(r -> r.bucket("lake").key("results/s01 run+1.json").contentType("application/json")
        .metadata(Map.of("run", "42")), RequestBody.fromString("{\"p95\": 12}"));

    assertThat(fake.objectText("lake", "results/s01 run+1.json")).contains("{\"p95\": 12}");
    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("lake").key("results/s01 run+1.json")
        .checksumMode(ChecksumMode.ENABLED));
    assertThat(got.asUtf8String()).isEqualTo("{\"p95\": 12}");
    assertThat(got.response().eTag()).isEqualTo("\"" + md5("{\"p95\": 12}".getBytes(StandardCharsets.UTF_8)) + "\"");
    assertThat(got.response().contentType()).isEqualTo("application/json");
    assertThat(got.response().contentEncoding()).isNull();
    assertThat(got.response().metadata()).containsEntry("run", "42");
    assertThat(got.response().checksumCRC32()).isNotBlank();

    HeadObjectResponse head = s3.headObject(r -> r.bucket("lake").key("results/s01 run+1.json"));
    assertThat(head.contentLength()).isEqualTo(11);
    assertThat(head.eTag()).isEqualTo(got.response().eTag());
    assertThat(head.lastModified()).isNotNull();
  }

  @Test
  void largeAndStreamedUploadsArriveIntactInManyChunks() {
    byte[] big = new byte[300_000];
    new Random(7).nextBytes(big);
    s3.putObject(r -> r.bucket("lake").key("big.bin"), RequestBody.fromBytes(big));
    s3.putObject(r -> r.bucket("lake").key("streamed.bin"),
        RequestBody.fromInputStream(new ByteArrayInputStream(big), big.length));
    whenRequired.putObject(r -> r.bucket("lake").key("plain.bin"), RequestBody.fromBytes(big));

    for (String key : List.of("big.bin", "streamed.bin", "plain.bin")) {
      assertThat(fake.object("lake", key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
      assertThat(s3.headObject(r -> r.bucket("lake").key(key)).eTag()).isEqualTo("\"" + md5(big) + "\"");
    }
    byte[] range = s3.getObjectAsBytes(r -> r.bucket("lake").key("big.bin").range("bytes=100-199")).asByteArray();
    assertThat(range).isEqualTo(Arrays.copyOfRange(big, 100, 200));
  }

  @Test
  void wrongDigestsAreBadDigest() {
    assertThatThrownBy(() -> whenRequired.putObject(
        r -> r.bucket("lake").key("k").contentMD5("AAAAAAAAAAAAAAAAAAAAAA=="), RequestBody.fromString("data")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
        });
    assertThatThrownBy(() -> s3.putObject(r -> r.bucket("lake").key("k").checksumCRC32("AAAAAA=="),
        RequestBody.fromString("data")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("BadDigest"));
    assertThat(fake.objects("lake")).isEmpty();
  }

  @Test
  void missingKeysAreNoSuchKeyForGetAndHead() {
    assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("lake").key("nope")))
        .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
          assertThat(e.requestId()).isNotBlank();
        });
    assertThatThrownBy(() -> s3.headObject(r -> r.bucket("lake").key("nope")))
        .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void listObjectsV2PaginatesAThousandAtATime() {
    IntStream.range(0, 2345).forEach(i -> fake.putObjectOutOfBand("lake", "data/part-%05d.parquet".formatted(i), "x"));

    ListObjectsV2Response first = s3.listObjectsV2(r -> r.bucket("lake").prefix("data/"));
    assertThat(first.keyCount()).isEqualTo(1000);
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.nextContinuationToken()).isNotBlank();
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(r -> r.bucket("lake").prefix("data/")).contents().forEach(o -> keys.add(o.key()));
    assertThat(keys).hasSize(2345).isSorted().doesNotHaveDuplicates();
    assertThat(s3.listObjectsV2(r -> r.bucket("lake").startAfter("data/part-02340.parquet")).contents())
        .extracting(S3Object::key).hasSize(4);
  }

  @Test
  void delimiterRollsKeysIntoCommonPrefixesThatCountAgainstMaxKeys() {
    for (String key : List.of("a.txt", "dir1/x", "dir1/y", "dir2/z", "dir3/sub/w", "z.txt")) {
      fake.putObjectOutOfBand("lake", key, "x");
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String continuation = token;
      ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket("lake").delimiter("/").maxKeys(2)
          .continuationToken(continuation));
      page.contents().forEach(o -> seen.add(o.key()));
      page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
      assertThat(page.keyCount()).isLessThanOrEqualTo(2);
      token = page.nextContinuationToken();
      pages++;
    } while (token != null);
    assertThat(seen).containsExactly("a.txt", "dir1/", "dir2/", "dir3/", "z.txt");
    assertThat(pages).isEqualTo(3);
    assertThat(s3.listObjectsV2(r -> r.bucket("lake").prefix("dir3/").delimiter("/")).commonPrefixes())
        .extracting(CommonPrefix::prefix).containsExactly("dir3/sub/");
  }

  @Test
  void urlEncodedListingsRoundTripOddKeys() {
    List<String> odd = List.of("a b/c+d", "ü/ñ%20.txt", "tab\there", "amp&<lt>");
    odd.forEach(k -> s3.putObject(r -> r.bucket("lake").key(k), RequestBody.fromString(k)));
    assertThat(s3.listObjectsV2(r -> r.bucket("lake").encodingType(EncodingType.URL)).contents())
        .extracting(S3Object::key).containsExactlyInAnyOrderElementsOf(odd);
    assertThat(s3.listObjectsV2(r -> r.bucket("lake")).contents()).extracting(S3Object::key)
        .containsExactlyInAnyOrderElementsOf(odd);
    odd.forEach(k -> assertThat(s3.getObjectAsBytes(r -> r.bucket("lake").key(k)).asUtf8String()).isEqualTo(k));
  }

  @Test
  void deleteObjectsReportsDeletionsUnlessQuiet() {
    IntStream.range(0, 5).forEach(i -> fake.putObjectOutOfBand("lake", "k" + i, "x"));

    var loud = s3.deleteObjects(r -> r.bucket("lake").delete(d -> d.objects(
        ObjectIdentifier.builder().key("k0").build(), ObjectIdentifier.builder().key("missing").build())));
    assertThat(loud.deleted()).extracting(o -> o.key()).containsExactly("k0", "missing");
    var quiet = s3.deleteObjects(r -> r.bucket("lake").delete(d -> d.quiet(true).objects(
        ObjectIdentifier.builder().key("k1").build(), ObjectIdentifier.builder().key("k2").versionId("v9").build())));
    assertThat(quiet.deleted()).isEmpty();
    assertThat(quiet.errors()).singleElement().satisfies(e -> {
      assertThat(e.key()).isEqualTo("k2");
      assertThat(e.code()).isEqualTo("NoSuchVersion");
    });
    assertThat(fake.objects("lake")).containsOnlyKeys("k2", "k3", "k4");

    List<ObjectIdentifier> tooMany = IntStream.range(0, 1001)
        .mapToObj(i -> ObjectIdentifier.builder().key("x" + i).build()).toList();
    assertThatThrownBy(() -> s3.deleteObjects(r -> r.bucket("lake").delete(d -> d.objects(tooMany))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("MalformedXML"));
  }

  @Test
  void versionsOfAnUnversionedBucketAreTheNullVersionAndCopiesKeepContent() {
    fake.putObjectOutOfBand("lake", "one", "1").putObjectOutOfBand("lake", "two", "22");
    s3.copyObject(r -> r.sourceBucket("lake").sourceKey("two").destinationBucket("lake").destinationKey("dir/three"));

    var versions = s3.listObjectVersions(r -> r.bucket("lake").maxKeys(2));
    assertThat(versions.versions()).extracting(v -> v.key() + "@" + v.versionId() + ":" + v.isLatest())
        .containsExactly("dir/three@null:true", "one@null:true");
    assertThat(versions.isTruncated()).isTrue();
    assertThat(s3.listObjectVersions(r -> r.bucket("lake").keyMarker(versions.nextKeyMarker())).versions())
        .extracting(v -> v.key()).containsExactly("two");
    assertThat(fake.objectText("lake", "dir/three")).contains("22");
  }

  @Test
  void switchesThrottleFailDelayAndDenyAndResetClearsThem() {
    fake.throttle("GetObject", 2);
    fake.putObjectOutOfBand("lake", "k", "v");
    assertThat(s3.getObjectAsBytes(r -> r.bucket("lake").key("k")).asUtf8String()).isEqualTo("v");
    assertThat(fake.calls("GetObject")).isEqualTo(3);

    fake.failWithServerError("PutObject", 5);
    assertThatThrownBy(() -> s3.putObject(r -> r.bucket("lake").key("k2"), RequestBody.fromString("v")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(500);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
        });
    assertThat(fake.calls("PutObject")).isEqualTo(3);
    assertThat(fake.writeCalls()).isEqualTo(4);

    fake.denyAccess("ListObjectsV2");
    assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("lake")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));

    fake.delay("HeadBucket", Duration.ofMillis(150));
    long start = System.nanoTime();
    s3.headBucket(r -> r.bucket("lake"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

    AWS.fake().reset();
    assertThat(fake.totalCalls()).isZero();
    assertThat(fake.buckets()).isEmpty();
    s3.createBucket(r -> r.bucket("lake"));
    assertThat(s3.listObjectsV2(r -> r.bucket("lake")).contents()).isEmpty();
  }

  @Test
  void virtualHostedRequestsNameTheBucketInTheHostHeader() throws Exception {
    fake.putObjectOutOfBand("lake", "dir/k.txt", "hosted");
    var endpoint = AWS.fake().endpoint();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /dir/k.txt HTTP/1.1\r\nHost: lake.localhost:" + endpoint.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200").endsWith("hosted").containsIgnoringCase("ETag: \"");
    }
  }

  @Test
  void aClientWithoutForcePathStyleStillSendsPathStyleToTheIpEndpoint() {
    S3Client virtualByDefault = AWS.fake().configure(S3Client.builder()).build();
    virtualByDefault.putObject(r -> r.bucket("lake").key("k"), RequestBody.fromString("v"));
    assertThat(virtualByDefault.getObjectAsBytes(r -> r.bucket("lake").key("k")).asUtf8String()).isEqualTo("v");
    virtualByDefault.close();
  }

  @Test
  void concurrentWritersAndListersSeeAConsistentBucket() throws Exception {
    var pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 15; i++) {
            String key = "t" + thread + "/k" + i;
            s3.putObject(r -> r.bucket("lake").key(key), RequestBody.fromString(key));
            s3.listObjectsV2(r -> r.bucket("lake").prefix("t" + thread + "/"));
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.objects("lake")).hasSize(90);
    assertThat(fake.calls("PutObject")).isEqualTo(90);
    assertThat(s3.listObjectsV2Paginator(r -> r.bucket("lake").maxKeys(40)).contents().stream().count())
        .isEqualTo(90);
  }

  private static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
