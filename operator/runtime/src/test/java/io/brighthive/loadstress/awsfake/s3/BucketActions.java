package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.FakeResponse;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Bucket-level operations: create, head, delete, list buckets, location, the two listings, batch delete. */
final class BucketActions {

  static final int MAX_KEYS = 1000;
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private final S3Store store;
  private final Clock clock;

  BucketActions(S3Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  static boolean validBucketName(String name) {
    return BUCKET_NAME.matcher(name).matches() && !name.contains("..") && !IP_LIKE.matcher(name).matches()
        && !name.startsWith("xn--") && !name.startsWith("sthree-") && !name.endsWith("-s3alias")
        && !name.endsWith("--ol-s3");
  }

  FakeResponse createBucket(S3Target target, FakeRequest request) {
    String name = target.bucket();
    if (!validBucketName(name)) {
      throw S3Errors.invalidBucketName();
    }
    String region = request.region();
    String constraint = null;
    if (request.body().length > 0) {
      Element config = S3Xml.parse(request.body());
      constraint = S3Xml.childText(config, "LocationConstraint");
    }
    boolean usEast1 = region.equals("us-east-1");
    if (constraint != null && !constraint.isEmpty() ? !constraint.equals(region) : !usEast1) {
      throw S3Errors.illegalLocationConstraint(constraint, region);
    }
    if (!store.createBucket(name, region, clock.instant()) && !usEast1) {
      throw S3Errors.bucketAlreadyOwnedByYou();
    }
    return new FakeResponse(200, Map.of("Location", "/" + name), new byte[0]);
  }

  FakeResponse headBucket(S3Target target) {
    S3Store.Bucket bucket = store.require(target.bucket());
    return new FakeResponse(200, Map.of("x-amz-bucket-region", bucket.region), new byte[0]);
  }

  FakeResponse deleteBucket(S3Target target) {
    store.deleteBucket(target.bucket(), false);
    return FakeResponse.empty(204);
  }

  FakeResponse listBuckets() {
    XmlWriter doc = S3Xml.document("ListAllMyBucketsResult");
    S3Xml.owner(doc);
    doc.start("Buckets");
    for (S3Store.Bucket bucket : store.buckets()) {
      doc.start("Bucket").leaf("Name", bucket.name).leaf("CreationDate", bucket.created)
          .leaf("BucketRegion", bucket.region).end();
    }
    return S3Xml.ok(doc.end().end(), Map.of());
  }

  FakeResponse location(S3Target target) {
    S3Store.Bucket bucket = store.require(target.bucket());
    XmlWriter doc = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .start("LocationConstraint", S3Xml.XMLNS);
    if (!bucket.region.equals("us-east-1")) {
      doc.text(bucket.region);
    }
    return S3Xml.ok(doc.end(), Map.of());
  }

  /** ListObjectsV2: prefix, delimiter, start-after, max-keys (at most 1000 per page), continuation-token. */
  FakeResponse listObjectsV2(S3Target target) {
    String prefix = target.query().getOrDefault("prefix", "");
    String delimiter = emptyToNull(target.param("delimiter"));
    int maxKeys = maxKeys(target.param("max-keys"));
    String token = target.param("continuation-token");
    String startAfter = emptyToNull(target.param("start-after"));
    String marker = startAfter;
    boolean markerIsPrefix = false;
    if (token != null) {
      String decoded = decodeToken(token);
      markerIsPrefix = decoded.charAt(0) == 'P';
      marker = decoded.substring(1);
    }
    S3Store.Page page = store.list(target.bucket(), prefix, delimiter, marker, markerIsPrefix,
        Math.min(maxKeys, MAX_KEYS));
    UnaryOperator<String> enc = encoder(target);
    XmlWriter doc = S3Xml.document("ListBucketResult")
        .leaf("Name", target.bucket()).leaf("Prefix", enc.apply(prefix)).leaf("Delimiter", enc.apply(delimiter))
        .leaf("MaxKeys", maxKeys).leaf("KeyCount", page.count()).leaf("IsTruncated", page.truncated())
        .leaf("EncodingType", target.param("encoding-type")).leaf("ContinuationToken", token)
        .leaf("StartAfter", enc.apply(startAfter));
    if (page.truncated()) {
      doc.leaf("NextContinuationToken", encodeToken(page.next(), page.nextIsPrefix()));
    }
    boolean owner = "true".equals(target.param("fetch-owner"));
    for (S3Object object : page.contents()) {
      doc.start("Contents").leaf("Key", enc.apply(object.key())).leaf("LastModified", object.lastModified())
          .leaf("ETag", object.etag()).leaf("Size", object.size());
      if (object.checksum() != null) {
        doc.leaf("ChecksumAlgorithm", object.checksum().algorithm()).leaf("ChecksumType", "FULL_OBJECT");
      }
      if (owner) {
        S3Xml.owner(doc);
      }
      doc.leaf("StorageClass", "STANDARD").end();
    }
    page.commonPrefixes().forEach(p -> doc.start("CommonPrefixes").leaf("Prefix", enc.apply(p)).end());
    return S3Xml.ok(doc.end(), Map.of());
  }

  /** The bucket is unversioned: every object is its one version "null", the latest. */
  FakeResponse listObjectVersions(S3Target target) {
    String prefix = target.query().getOrDefault("prefix", "");
    String delimiter = emptyToNull(target.param("delimiter"));
    int maxKeys = maxKeys(target.param("max-keys"));
    String keyMarker = emptyToNull(target.param("key-marker"));
    boolean markerIsPrefix = keyMarker != null && delimiter != null && keyMarker.endsWith(delimiter);
    S3Store.Page page = store.list(target.bucket(), prefix, delimiter, keyMarker, markerIsPrefix,
        Math.min(maxKeys, MAX_KEYS));
    UnaryOperator<String> enc = encoder(target);
    XmlWriter doc = S3Xml.document("ListVersionsResult")
        .leaf("Name", target.bucket()).leaf("Prefix", enc.apply(prefix))
        .leaf("KeyMarker", enc.apply(keyMarker == null ? "" : keyMarker))
        .leaf("VersionIdMarker", target.query().getOrDefault("version-id-marker", ""));
    if (page.truncated()) {
      doc.leaf("NextKeyMarker", enc.apply(page.next()));
      if (!page.nextIsPrefix()) {
        doc.leaf("NextVersionIdMarker", "null");
      }
    }
    doc.leaf("MaxKeys", maxKeys).leaf("Delimiter", enc.apply(delimiter)).leaf("IsTruncated", page.truncated())
        .leaf("EncodingType", target.param("encoding-type"));
    for (S3Object object : page.contents()) {
      doc.start("Version").leaf("Key", enc.apply(object.key())).leaf("VersionId", "null").leaf("IsLatest", true)
          .leaf("LastModified", object.lastModified()).leaf("ETag", object.etag()).leaf("Size", object.size())
          .leaf("StorageClass", "STANDARD");
      S3Xml.owner(doc);
      doc.end();
    }
    page.commonPrefixes().forEach(p -> doc.start("CommonPrefixes").leaf("Prefix", enc.apply(p)).end());
    return S3Xml.ok(doc.end(), Map.of());
  }

  /** DeleteObjects: up to 1000 keys; a missing key counts as deleted; Quiet leaves only the errors. */
  FakeResponse deleteObjects(S3Target target, byte[] body) {
    store.require(target.bucket());
    Element delete = S3Xml.parse(body);
    List<Element> objects = S3Xml.children(delete, "Object");
    if (!delete.getTagName().equals("Delete") || objects.isEmpty() || objects.size() > MAX_KEYS) {
      throw S3Errors.malformedXml();
    }
    boolean quiet = "true".equalsIgnoreCase(String.valueOf(S3Xml.childText(delete, "Quiet")).trim());
    XmlWriter doc = S3Xml.document("DeleteResult");
    for (Element object : objects) {
      String key = S3Xml.childText(object, "Key");
      String versionId = S3Xml.childText(object, "VersionId");
      if (key == null) {
        throw S3Errors.malformedXml();
      }
      if (versionId != null && !versionId.equals("null")) {
        doc.start("Error").leaf("Key", key).leaf("VersionId", versionId).leaf("Code", "NoSuchVersion")
            .leaf("Message", "The specified version does not exist.").end();
        continue;
      }
      store.delete(target.bucket(), key);
      if (!quiet) {
        doc.start("Deleted").leaf("Key", key).leaf("VersionId", versionId).end();
      }
    }
    return S3Xml.ok(doc.end(), Map.of());
  }

  private static UnaryOperator<String> encoder(S3Target target) {
    return "url".equals(target.param("encoding-type")) ? S3Xml::urlEncode : s -> s;
  }

  private static int maxKeys(String value) {
    if (value == null || value.isEmpty()) {
      return MAX_KEYS;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range");
    }
  }

  private static String encodeToken(String marker, boolean isPrefix) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(((isPrefix ? "P" : "K") + marker).getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.isEmpty() || (decoded.charAt(0) != 'P' && decoded.charAt(0) != 'K')) {
        throw new IllegalArgumentException();
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidArgument("The continuation token provided is incorrect");
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
