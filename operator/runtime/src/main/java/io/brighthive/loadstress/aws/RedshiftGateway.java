package io.brighthive.loadstress.aws;

import java.util.Optional;

/** The Redshift operations the operator uses: cluster state, pause and resume. */
public interface RedshiftGateway {
  /** The cluster's status as Redshift reports it (available, paused, resuming, …), or empty when it does not exist. */
  Optional<String> clusterStatus(String clusterId);

  void resume(String clusterId);

  void pause(String clusterId);
}
