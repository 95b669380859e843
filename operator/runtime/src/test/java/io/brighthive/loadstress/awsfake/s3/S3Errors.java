package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.AwsError;

/** S3's error codes, statuses and messages, as its API reference lists them ("List of error codes"). */
final class S3Errors {

  private S3Errors() {
  }

  static AwsError noSuchBucket(String bucket) {
    return new AwsError(404, "NoSuchBucket", "The specified bucket does not exist");
  }

  static AwsError noSuchKey(String key) {
    return new AwsError(404, "NoSuchKey", "The specified key does not exist.");
  }

  static AwsError bucketNotEmpty() {
    return new AwsError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
  }

  static AwsError bucketAlreadyOwnedByYou() {
    return new AwsError(409, "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.");
  }

  static AwsError invalidBucketName() {
    return new AwsError(400, "InvalidBucketName", "The specified bucket is not valid.");
  }

  static AwsError badDigest(String what) {
    return new AwsError(400, "BadDigest", "The " + what + " you specified did not match the calculated checksum.");
  }

  static AwsError badContentMd5() {
    return new AwsError(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
  }

  static AwsError invalidDigest() {
    return new AwsError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
  }

  static AwsError malformedXml() {
    return new AwsError(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
        + "against our published schema");
  }

  static AwsError invalidArgument(String message) {
    return new AwsError(400, "InvalidArgument", message);
  }

  static AwsError incompleteBody() {
    return new AwsError(400, "IncompleteBody", "You did not provide the number of bytes specified by the "
        + "Content-Length HTTP header.");
  }

  static AwsError invalidRange() {
    return new AwsError(416, "InvalidRange", "The requested range is not satisfiable");
  }

  static AwsError illegalLocationConstraint(String constraint, String region) {
    return new AwsError(400, "IllegalLocationConstraintException", constraint == null
        ? "The unspecified location constraint is incompatible for the region specific endpoint this request was "
            + "sent to."
        : "The " + constraint + " location constraint is incompatible for the region specific endpoint this "
            + "request was sent to.");
  }

  static AwsError slowDown() {
    return new AwsError(503, "SlowDown", "Please reduce your request rate.");
  }

  static AwsError internalError() {
    return new AwsError(500, "InternalError", "We encountered an internal error. Please try again.");
  }

  static AwsError accessDenied() {
    return new AwsError(403, "AccessDenied", "Access Denied");
  }

  static AwsError notImplemented() {
    return new AwsError(501, "NotImplemented", "A header you provided implies functionality that is not "
        + "implemented");
  }
}
