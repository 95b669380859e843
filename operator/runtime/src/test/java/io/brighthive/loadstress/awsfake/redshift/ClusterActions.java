package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Redshift actions: each writes the content of its Result element. Called under the state's monitor. */
final class ClusterActions {

  private static final Pattern CLUSTER_ID = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)");

  private final RedshiftState state;

  ClusterActions(RedshiftState state) {
    this.state = state;
  }

  void createCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    String id = p.required("ClusterIdentifier").toLowerCase();
    if (!CLUSTER_ID.matcher(id).matches()) {
      throw new AwsError(400, "InvalidParameterValue", "The parameter ClusterIdentifier must be 1 to 63 lowercase "
          + "alphanumeric characters or hyphens, begin with a letter, and not end with a hyphen or contain two "
          + "consecutive hyphens.");
    }
    if (state.clusters.containsKey(id)) {
      throw new AwsError(400, "ClusterAlreadyExists", "Cluster already exists");
    }
    Cluster cluster = new Cluster(id, state.now(), request.region());
    cluster.nodeType = p.required("NodeType");
    cluster.masterUsername = p.required("MasterUsername");
    cluster.dbName = Optional.ofNullable(p.get("DBName")).orElse("dev");
    cluster.numberOfNodes = "single-node".equals(p.get("ClusterType")) ? 1 : p.integer("NumberOfNodes").orElse(1);
    cluster.port = p.integer("Port").orElse(5439);
    cluster.encrypted = p.bool("Encrypted", false);
    cluster.publiclyAccessible = p.bool("PubliclyAccessible", false);
    cluster.status = "creating";
    state.clusters.put(id, cluster);
    state.after(cluster, t -> cluster.status = "available");
    writeCluster(out, cluster);
  }

  /** One cluster by ClusterIdentifier (ClusterNotFound, 404, when absent), or all of them, MaxRecords per page. */
  void describeClusters(QueryParams p, XmlWriter out, FakeRequest request) {
    String id = p.get("ClusterIdentifier");
    List<Cluster> found = id == null || id.isEmpty() ? List.copyOf(state.clusters.values())
        : List.of(state.require(id));
    int max = p.integer("MaxRecords").orElse(100);
    int from = p.integer("Marker").orElse(0);
    List<Cluster> page = found.subList(Math.min(from, found.size()), Math.min(from + max, found.size()));
    out.start("Clusters");
    page.forEach(c -> {
      out.start("Cluster");
      c.write(out, request.region(), FakeAws.ACCOUNT_ID);
      out.end();
    });
    out.end();
    if (from + max < found.size()) {
      out.leaf("Marker", from + max);
    }
  }

  void pauseCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = state.require(p.required("ClusterIdentifier"));
    if (!cluster.status.equals("available")) {
      throw RedshiftState.invalidState("You can only pause a cluster in the available state. Cluster " + cluster.id
          + " is in the " + cluster.status + " state.");
    }
    cluster.status = "pausing";
    state.after(cluster, t -> cluster.status = "paused");
    writeCluster(out, cluster);
  }

  void resumeCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = state.require(p.required("ClusterIdentifier"));
    if (!cluster.status.equals("paused")) {
      throw RedshiftState.invalidState("You can only resume a paused cluster. Cluster " + cluster.id + " is in the "
          + cluster.status + " state.");
    }
    cluster.status = "resuming";
    state.after(cluster, t -> cluster.status = "available");
    writeCluster(out, cluster);
  }

  /** SkipFinalClusterSnapshot defaults to false, so a FinalClusterSnapshotIdentifier is required unless skipped. */
  void deleteCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = state.require(p.required("ClusterIdentifier"));
    boolean skip = p.bool("SkipFinalClusterSnapshot", false);
    String snapshotId = p.get("FinalClusterSnapshotIdentifier");
    if (skip == (snapshotId != null && !snapshotId.isEmpty())) {
      throw new AwsError(400, "InvalidParameterCombination", skip
          ? "FinalClusterSnapshotIdentifier must not be specified when SkipFinalClusterSnapshot is true."
          : "FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified.");
    }
    RedshiftState.requireDeletable(cluster);
    if (!skip && state.snapshots.containsKey(snapshotId)) {
      throw RedshiftState.snapshotExists(snapshotId);
    }
    state.startDeletion(cluster, skip ? null : snapshotId);
    writeCluster(out, cluster);
  }

  void createClusterSnapshot(QueryParams p, XmlWriter out, FakeRequest request) {
    String snapshotId = p.required("SnapshotIdentifier");
    Cluster cluster = state.require(p.required("ClusterIdentifier"));
    if (state.snapshots.containsKey(snapshotId)) {
      throw RedshiftState.snapshotExists(snapshotId);
    }
    if (!cluster.status.equals("available")) {
      throw RedshiftState.invalidState("Cluster " + cluster.id + " is not in the available state; it is "
          + cluster.status + ".");
    }
    ClusterSnapshot snapshot = new ClusterSnapshot(snapshotId, cluster, state.now());
    state.snapshots.put(snapshotId, snapshot);
    state.after(snapshot, t -> snapshot.status = "available");
    out.start("Snapshot");
    snapshot.write(out, request.region(), FakeAws.ACCOUNT_ID);
    out.end();
  }

  void describeClusterSnapshots(QueryParams p, XmlWriter out, FakeRequest request) {
    String snapshotId = p.get("SnapshotIdentifier");
    String clusterId = p.get("ClusterIdentifier");
    if (snapshotId != null && !state.snapshots.containsKey(snapshotId)) {
      throw new AwsError(404, "ClusterSnapshotNotFound", "Snapshot " + snapshotId + " not found.");
    }
    List<ClusterSnapshot> found = new ArrayList<>();
    for (ClusterSnapshot s : state.snapshots.values()) {
      if ((snapshotId == null || s.id.equals(snapshotId)) && (clusterId == null || s.clusterId.equals(clusterId))
          && (p.get("SnapshotType") == null || "manual".equals(p.get("SnapshotType")))) {
        found.add(s);
      }
    }
    out.start("Snapshots");
    found.forEach(s -> {
      out.start("Snapshot");
      s.write(out, request.region(), FakeAws.ACCOUNT_ID);
      out.end();
    });
    out.end();
  }

  private static void writeCluster(XmlWriter out, Cluster cluster) {
    out.start("Cluster");
    cluster.write(out, FakeAws.REGION.id(), FakeAws.ACCOUNT_ID);
    out.end();
  }
}
