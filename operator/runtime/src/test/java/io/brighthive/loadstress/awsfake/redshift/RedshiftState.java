package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.Timeline;
import io.brighthive.loadstress.awsfake.AwsError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Clusters, snapshots and their pending status changes. Not thread-safe by itself: {@link FakeRedshift} holds this
 * object's monitor and advances the timeline before every use.
 */
final class RedshiftState {

  static final Duration DEFAULT_DELAY = Duration.ofMillis(200);
  static final String OPERATION_RUNNING =
      "There is an operation running on the Cluster. Please try to delete it at a later time.";

  final Timeline timeline;
  final Map<String, Cluster> clusters = new LinkedHashMap<>();
  final Map<String, ClusterSnapshot> snapshots = new LinkedHashMap<>();
  Duration delay = DEFAULT_DELAY;

  RedshiftState(Clock clock) {
    this.timeline = new Timeline(clock);
  }

  void reset() {
    clusters.clear();
    snapshots.clear();
    timeline.clear();
    delay = DEFAULT_DELAY;
  }

  Instant now() {
    return timeline.now();
  }

  Optional<Cluster> find(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  Cluster require(String id) {
    Cluster cluster = clusters.get(id);
    if (cluster == null) {
      throw new AwsError(404, "ClusterNotFound", "Cluster " + id + " not found.");
    }
    return cluster;
  }

  /** A cluster that no operation is running on: available (or broken); pausing, paused, resuming … are not. */
  static void requireDeletable(Cluster cluster) {
    if (!cluster.status.equals("available") && !cluster.status.startsWith("incompatible-")
        && !cluster.status.equals("hardware-failure") && !cluster.status.equals("storage-full")) {
      throw invalidState(OPERATION_RUNNING);
    }
  }

  /** final-snapshot (when a snapshot is wanted) → deleting → gone, one transition delay each. */
  void startDeletion(Cluster cluster, String finalSnapshotId) {
    timeline.cancel(cluster);
    if (finalSnapshotId != null) {
      cluster.status = "final-snapshot";
      ClusterSnapshot snapshot = new ClusterSnapshot(finalSnapshotId, cluster, now());
      snapshots.put(finalSnapshotId, snapshot);
      after(cluster, t -> {
        snapshot.status = "available";
        cluster.status = "deleting";
        after(cluster, t2 -> clusters.remove(cluster.id));
      });
    } else {
      cluster.status = "deleting";
      after(cluster, t -> clusters.remove(cluster.id));
    }
  }

  /** Removed at once (CloudFormation waits for the deletion before DELETE_COMPLETE), after an optional snapshot. */
  void removeNow(Cluster cluster, String finalSnapshotId) {
    timeline.cancel(cluster);
    if (finalSnapshotId != null) {
      ClusterSnapshot snapshot = new ClusterSnapshot(finalSnapshotId, cluster, now());
      snapshot.status = "available";
      snapshots.put(finalSnapshotId, snapshot);
    }
    clusters.remove(cluster.id);
  }

  /** Runs {@code action} one transition delay from now. */
  void after(Object owner, Consumer<Instant> action) {
    timeline.at(now().plus(delay), owner, action);
  }

  static AwsError invalidState(String message) {
    return new AwsError(400, "InvalidClusterState", message);
  }

  static AwsError snapshotExists(String id) {
    return new AwsError(400, "ClusterSnapshotAlreadyExists", "Cannot create the snapshot because a snapshot with "
        + "the identifier " + id + " already exists.");
  }
}
