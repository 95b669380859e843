package io.brighthive.loadstress.awsfake.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Buckets and their objects. Every method is synchronized on the store, so a bucket check and the change that
 * depends on it (DeleteBucket's emptiness, PutObject's bucket) happen atomically. Keys sort in Java string order,
 * which matches S3's UTF-8 binary order for every key without characters outside the BMP.
 */
final class S3Store {

  static final class Bucket {
    final String name;
    final String region;
    final Instant created;
    final NavigableMap<String, S3Object> objects = new TreeMap<>();

    Bucket(String name, String region, Instant created) {
      this.name = name;
      this.region = region;
      this.created = created;
    }
  }

  /** One page of a listing: objects, common prefixes, and the marker to continue after (null when complete). */
  record Page(List<S3Object> contents, List<String> commonPrefixes, String next, boolean nextIsPrefix) {

    boolean truncated() {
      return next != null;
    }

    int count() {
      return contents.size() + commonPrefixes.size();
    }
  }

  private final NavigableMap<String, Bucket> buckets = new TreeMap<>();

  synchronized boolean createBucket(String name, String region, Instant now) {
    if (buckets.containsKey(name)) {
      return false;
    }
    buckets.put(name, new Bucket(name, region, now));
    return true;
  }

  synchronized Optional<Bucket> bucket(String name) {
    return Optional.ofNullable(buckets.get(name));
  }

  synchronized Bucket require(String name) {
    Bucket bucket = buckets.get(name);
    if (bucket == null) {
      throw S3Errors.noSuchBucket(name);
    }
    return bucket;
  }

  synchronized List<Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  /** Removes the bucket; BucketNotEmpty unless {@code force}, which drops its objects too. */
  synchronized void deleteBucket(String name, boolean force) {
    Bucket bucket = require(name);
    if (!bucket.objects.isEmpty() && !force) {
      throw S3Errors.bucketNotEmpty();
    }
    buckets.remove(name);
  }

  synchronized void put(String bucket, S3Object object) {
    require(bucket).objects.put(object.key(), object);
  }

  /** Stores the result of {@code make} applied to the current object (null when there is none). */
  synchronized S3Object update(String bucket, String key, Function<S3Object, S3Object> make) {
    Bucket b = require(bucket);
    S3Object next = make.apply(b.objects.get(key));
    b.objects.put(key, next);
    return next;
  }

  synchronized Optional<S3Object> get(String bucket, String key) {
    return Optional.ofNullable(require(bucket).objects.get(key));
  }

  /** Whether the object existed. */
  synchronized boolean delete(String bucket, String key) {
    return require(bucket).objects.remove(key) != null;
  }

  synchronized NavigableMap<String, S3Object> snapshot(String bucket) {
    return new TreeMap<>(require(bucket).objects);
  }

  synchronized void clear() {
    buckets.clear();
  }

  /**
   * Lists keys under {@code prefix}, after {@code marker} (exclusive; when {@code markerIsPrefix}, every key under
   * that common prefix is skipped too), rolling keys up to the first {@code delimiter} after the prefix into common
   * prefixes, which count against {@code maxKeys} as S3 counts them.
   */
  synchronized Page list(String bucket, String prefix, String delimiter, String marker, boolean markerIsPrefix,
      int maxKeys) {
    NavigableMap<String, S3Object> objects = require(bucket).objects;
    NavigableMap<String, S3Object> tail = marker == null ? objects : objects.tailMap(marker, false);
    List<S3Object> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String last = null;
    boolean lastIsPrefix = false;
    for (Map.Entry<String, S3Object> entry : tail.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix) || (markerIsPrefix && key.startsWith(marker))) {
        continue;
      }
      String rolledUp = rollUp(key, prefix, delimiter);
      if (rolledUp != null && rolledUp.equals(last)) {
        continue;
      }
      if (contents.size() + prefixes.size() >= maxKeys) {
        return new Page(contents, prefixes, last, lastIsPrefix);
      }
      if (rolledUp != null) {
        prefixes.add(rolledUp);
        last = rolledUp;
        lastIsPrefix = true;
      } else {
        contents.add(entry.getValue());
        last = key;
        lastIsPrefix = false;
      }
    }
    return new Page(contents, prefixes, null, false);
  }

  private static String rollUp(String key, String prefix, String delimiter) {
    if (delimiter == null || delimiter.isEmpty()) {
      return null;
    }
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }
}
