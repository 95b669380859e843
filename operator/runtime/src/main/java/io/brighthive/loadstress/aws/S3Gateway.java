package io.brighthive.loadstress.aws;

/** The S3 operations the operator uses on its data lakes. */
public interface S3Gateway {
  /** Deletes up to {@code max} objects of the bucket; returns how many it deleted (0: the bucket is empty or gone). */
  int deleteSomeObjects(String bucket, int max);
}
