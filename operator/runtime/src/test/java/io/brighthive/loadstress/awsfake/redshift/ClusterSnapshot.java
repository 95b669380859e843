package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.XmlWriter;
import java.time.Instant;

/** A manual snapshot (CreateClusterSnapshot, or the final snapshot of DeleteCluster). Mutated under the lock. */
final class ClusterSnapshot {

  final String id;
  final String clusterId;
  final Instant created;
  final Instant clusterCreated;
  final String nodeType;
  final int numberOfNodes;
  final String dbName;
  final String masterUsername;
  final int port;
  final boolean encrypted;
  String status = "creating";

  ClusterSnapshot(String id, Cluster cluster, Instant created) {
    this.id = id;
    this.clusterId = cluster.id;
    this.created = created;
    this.clusterCreated = cluster.created;
    this.nodeType = cluster.nodeType;
    this.numberOfNodes = cluster.numberOfNodes;
    this.dbName = cluster.dbName;
    this.masterUsername = cluster.masterUsername;
    this.port = cluster.port;
    this.encrypted = cluster.encrypted;
  }

  void write(XmlWriter out, String region, String account) {
    out.leaf("SnapshotIdentifier", id).leaf("ClusterIdentifier", clusterId).leaf("SnapshotCreateTime", created)
        .leaf("Status", status).leaf("Port", port).leaf("AvailabilityZone", region + "a")
        .leaf("ClusterCreateTime", clusterCreated).leaf("MasterUsername", masterUsername)
        .leaf("ClusterVersion", "1.0").leaf("SnapshotType", "manual").leaf("NodeType", nodeType)
        .leaf("NumberOfNodes", numberOfNodes).leaf("DBName", dbName).leaf("Encrypted", encrypted)
        .leaf("OwnerAccount", account).leaf("TotalBackupSizeInMegaBytes", 42.0)
        .leaf("ManualSnapshotRetentionPeriod", -1)
        .leaf("SnapshotArn", "arn:aws:redshift:" + region + ":" + account + ":snapshot:" + clusterId + "/" + id);
  }
}
