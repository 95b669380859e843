package io.brighthive.loadstress.jobs;

import java.util.Optional;

/** Reads and writes the small files jobs exchange with the operator: manifests, results, artifacts. */
public interface ResultStore {
  /** The object's content, or empty when there is none. URIs are s3:// on aws and file: on local. */
  Optional<byte[]> read(String uri);

  boolean exists(String uri);

  void write(String uri, byte[] content);
}
