package io.brighthive.loadstress.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Records Kubernetes Events on resources, for {@code kubectl describe}. */
public interface EventRecorder {
  EventRecorder NONE = (resource, warning, reason, message) -> {};

  void record(HasMetadata resource, boolean warning, String reason, String message);
}
