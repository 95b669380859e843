package io.brighthive.loadstress.aws;

import java.util.Optional;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;

/** {@link RedshiftGateway} on the AWS SDK v2 client. */
public final class SdkRedshiftGateway implements RedshiftGateway {
  private final RedshiftClient client;

  public SdkRedshiftGateway(RedshiftClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> clusterStatus(String clusterId) {
    try {
      return client.describeClusters(b -> b.clusterIdentifier(clusterId)).clusters().stream().findFirst().map(Cluster::clusterStatus);
    } catch (ClusterNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void resume(String clusterId) {
    client.resumeCluster(b -> b.clusterIdentifier(clusterId));
  }

  @Override
  public void pause(String clusterId) {
    client.pauseCluster(b -> b.clusterIdentifier(clusterId));
  }
}
