/**
 * The S3 fake: {@link io.brighthive.loadstress.awsfake.s3.FakeS3} is its public face (REST-XML, path-style, or
 * virtual-hosted by Host header); the rest is package-private: the store of buckets and objects and its listing,
 * aws-chunked decoding, Content-MD5 and flexible-checksum verification, and the XML shapes.
 */
package io.brighthive.loadstress.awsfake.s3;
