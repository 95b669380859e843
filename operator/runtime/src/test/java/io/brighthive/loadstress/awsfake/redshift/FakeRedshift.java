package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.QueryProtocolService;
import io.brighthive.loadstress.awsfake.XmlWriter;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A stateful Redshift fake speaking the query protocol (API version 2012-12-01): CreateCluster, DescribeClusters,
 * PauseCluster, ResumeCluster, DeleteCluster (with or without a final snapshot), CreateClusterSnapshot and
 * DescribeClusterSnapshots.
 *
 * <p>Status changes are asynchronous on the fake clock, like the CloudFormation fake's: creating → available,
 * available → pausing → paused, paused → resuming → available, available → [final-snapshot →] deleting → gone
 * (ClusterNotFound), each taking the {@linkplain #transitionDelay transition delay} (default 200 ms). Pause needs
 * an available cluster, resume a paused one, delete one that no operation is running on (a paused cluster
 * included): otherwise InvalidClusterState.
 */
public final class FakeRedshift extends QueryProtocolService {

  public static final String API_VERSION = "2012-12-01";
  public static final String XMLNS = "http://redshift.amazonaws.com/doc/2012-12-01/";
  static final Duration DEFAULT_DELAY = Duration.ofMillis(200);
  static final String OPERATION_RUNNING =
      "There is an operation running on the Cluster. Please try to delete it at a later time.";

  private static final Pattern CLUSTER_ID = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)");

  private final Timeline timeline;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, ClusterSnapshot> snapshots = new LinkedHashMap<>();
  private Duration delay = DEFAULT_DELAY;

  public FakeRedshift(Clock clock) {
    super("redshift", API_VERSION, XMLNS);
    this.timeline = new Timeline(clock);
    on("CreateCluster", this::createCluster);
    on("DescribeClusters", this::describeClusters);
    on("PauseCluster", this::pauseCluster);
    on("ResumeCluster", this::resumeCluster);
    on("DeleteCluster", this::deleteCluster);
    on("CreateClusterSnapshot", this::createClusterSnapshot);
    on("DescribeClusterSnapshots", this::describeClusterSnapshots);
  }

  @Override
  protected void invoke(Handler handler, QueryParams params, XmlWriter result, FakeRequest request) {
    locked(() -> {
      handler.handle(params, result, request);
      return null;
    });
  }

  @Override
  protected void resetState() {
    locked(() -> {
      clusters.clear();
      snapshots.clear();
      timeline.clear();
      delay = DEFAULT_DELAY;
      return null;
    });
  }

  // ---- actions ----

  private void createCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    String id = p.required("ClusterIdentifier").toLowerCase();
    if (!CLUSTER_ID.matcher(id).matches()) {
      throw new AwsError(400, "InvalidParameterValue", "The parameter ClusterIdentifier must be 1 to 63 lowercase "
          + "alphanumeric characters or hyphens, begin with a letter, and not end with a hyphen or contain two "
          + "consecutive hyphens.");
    }
    if (clusters.containsKey(id)) {
      throw new AwsError(400, "ClusterAlreadyExists", "Cluster already exists");
    }
    Cluster cluster = new Cluster(id, timeline.now(), request.region());
    cluster.nodeType = p.required("NodeType");
    cluster.masterUsername = p.required("MasterUsername");
    cluster.dbName = Optional.ofNullable(p.get("DBName")).orElse("dev");
    cluster.numberOfNodes = "single-node".equals(p.get("ClusterType")) ? 1 : p.integer("NumberOfNodes").orElse(1);
    cluster.port = p.integer("Port").orElse(5439);
    cluster.encrypted = p.bool("Encrypted", false);
    cluster.publiclyAccessible = p.bool("PubliclyAccessible", false);
    cluster.status = "creating";
    clusters.put(id, cluster);
    after(cluster, t -> cluster.status = "available");
    writeCluster(out, cluster);
  }

  /** One cluster by ClusterIdentifier (ClusterNotFound, 404, when absent), or all of them, MaxRecords per page. */
  private void describeClusters(QueryParams p, XmlWriter out, FakeRequest request) {
    String id = p.get("ClusterIdentifier");
    List<Cluster> found = id == null || id.isEmpty() ? List.copyOf(clusters.values()) : List.of(require(id));
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

  private void pauseCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = require(p.required("ClusterIdentifier"));
    if (!cluster.status.equals("available")) {
      throw invalidState("You can only pause a cluster in the available state. Cluster " + cluster.id
          + " is in the " + cluster.status + " state.");
    }
    cluster.status = "pausing";
    after(cluster, t -> cluster.status = "paused");
    writeCluster(out, cluster);
  }

  private void resumeCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = require(p.required("ClusterIdentifier"));
    if (!cluster.status.equals("paused")) {
      throw invalidState("You can only resume a paused cluster. Cluster " + cluster.id + " is in the "
          + cluster.status + " state.");
    }
    cluster.status = "resuming";
    after(cluster, t -> cluster.status = "available");
    writeCluster(out, cluster);
  }

  /** SkipFinalClusterSnapshot defaults to false, so a FinalClusterSnapshotIdentifier is required unless skipped. */
  private void deleteCluster(QueryParams p, XmlWriter out, FakeRequest request) {
    Cluster cluster = require(p.required("ClusterIdentifier"));
    boolean skip = p.bool("SkipFinalClusterSnapshot", false);
    String snapshotId = p.get("FinalClusterSnapshotIdentifier");
    if (skip == (snapshotId != null && !snapshotId.isEmpty())) {
      throw new AwsError(400, "InvalidParameterCombination", skip
          ? "FinalClusterSnapshotIdentifier must not be specified when SkipFinalClusterSnapshot is true."
          : "FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified.");
    }
    requireDeletable(cluster);
    if (!skip && snapshots.containsKey(snapshotId)) {
      throw snapshotExists(snapshotId);
    }
    startDeletion(cluster, skip ? null : snapshotId);
    writeCluster(out, cluster);
  }

  private void createClusterSnapshot(QueryParams p, XmlWriter out, FakeRequest request) {
    String snapshotId = p.required("SnapshotIdentifier");
    Cluster cluster = require(p.required("ClusterIdentifier"));
    if (snapshots.containsKey(snapshotId)) {
      throw snapshotExists(snapshotId);
    }
    if (!cluster.status.equals("available")) {
      throw invalidState("Cluster " + cluster.id + " is not in the available state; it is " + cluster.status + ".");
    }
    ClusterSnapshot snapshot = new ClusterSnapshot(snapshotId, cluster, timeline.now());
    snapshots.put(snapshotId, snapshot);
    after(snapshot, t -> snapshot.status = "available");
    out.start("Snapshot");
    snapshot.write(out, request.region(), FakeAws.ACCOUNT_ID);
    out.end();
  }

  private void describeClusterSnapshots(QueryParams p, XmlWriter out, FakeRequest request) {
    String snapshotId = p.get("SnapshotIdentifier");
    String clusterId = p.get("ClusterIdentifier");
    if (snapshotId != null && !snapshots.containsKey(snapshotId)) {
      throw new AwsError(404, "ClusterSnapshotNotFound", "Snapshot " + snapshotId + " not found.");
    }
    List<ClusterSnapshot> found = new ArrayList<>();
    for (ClusterSnapshot s : snapshots.values()) {
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

  // ---- state machine, shared with the CloudFormation hook ----

  Cluster require(String id) {
    Cluster cluster = clusters.get(id);
    if (cluster == null) {
      throw new AwsError(404, "ClusterNotFound", "Cluster " + id + " not found.");
    }
    return cluster;
  }

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
      ClusterSnapshot snapshot = new ClusterSnapshot(finalSnapshotId, cluster, timeline.now());
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
      ClusterSnapshot snapshot = new ClusterSnapshot(finalSnapshotId, cluster, timeline.now());
      snapshot.status = "available";
      snapshots.put(finalSnapshotId, snapshot);
    }
    clusters.remove(cluster.id);
  }

  void add(Cluster cluster) {
    clusters.put(cluster.id, cluster);
  }

  Optional<Cluster> find(String id) {
    return Optional.ofNullable(clusters.get(id));
  }

  Instant now() {
    return timeline.now();
  }

  private void after(Object owner, java.util.function.Consumer<Instant> action) {
    timeline.at(timeline.now().plus(delay), owner, action);
  }

  private static AwsError invalidState(String message) {
    return new AwsError(400, "InvalidClusterState", message);
  }

  private static AwsError snapshotExists(String id) {
    return new AwsError(400, "ClusterSnapshotAlreadyExists", "Cannot create the snapshot because a snapshot with "
        + "the identifier " + id + " already exists.");
  }

  private static void writeCluster(XmlWriter out, Cluster cluster) {
    out.start("Cluster");
    cluster.write(out, FakeAws.REGION.id(), FakeAws.ACCOUNT_ID);
    out.end();
  }

  <T> T locked(Supplier<T> action) {
    synchronized (clusters) {
      timeline.advance();
      return action.get();
    }
  }

  // ---- switches and test helpers ----

  /** How long each status change takes (default 200 ms; zero: the next call sees it done). */
  public FakeRedshift transitionDelay(Duration transitionDelay) {
    return locked(() -> {
      this.delay = transitionDelay;
      return this;
    });
  }

  /** An available cluster, as if created long ago (ra3.xlplus, one node, database dev, user awsuser). */
  public FakeRedshift createClusterOutOfBand(String clusterId) {
    return locked(() -> {
      clusters.putIfAbsent(clusterId, new Cluster(clusterId, timeline.now(), FakeAws.REGION.id()));
      return this;
    });
  }

  /** The cluster's ClusterStatus now, or empty when there is no such cluster. */
  public Optional<String> clusterStatus(String clusterId) {
    return locked(() -> find(clusterId).map(c -> c.status));
  }

  /** Puts the cluster into any status at once (e.g. paused, or incompatible-network), cancelling its transitions. */
  public void forceStatus(String clusterId, String status) {
    locked(() -> {
      Cluster cluster = require(clusterId);
      timeline.cancel(cluster);
      cluster.status = status;
      return null;
    });
  }

  public List<String> clusterIds() {
    return locked(() -> List.copyOf(clusters.keySet()));
  }

  /** Identifiers of the manual snapshots of {@code clusterId} (final snapshots included), oldest first. */
  public List<String> snapshots(String clusterId) {
    return locked(() -> snapshots.values().stream().filter(s -> s.clusterId.equals(clusterId)).map(s -> s.id)
        .toList());
  }

  /** The hook through which stacks create and delete AWS::Redshift::Cluster resources in this fake. */
  public ResourceHook stackHook() {
    return new ClusterStackHook(this);
  }

  // ---- the generic switches, typed for chaining ----

  @Override
  public FakeRedshift throttle(String operation, int times) {
    super.throttle(operation, times);
    return this;
  }

  @Override
  public FakeRedshift failWithServerError(String operation, int times) {
    super.failWithServerError(operation, times);
    return this;
  }

  @Override
  public FakeRedshift delay(String operation, Duration delay) {
    super.delay(operation, delay);
    return this;
  }

  @Override
  public FakeRedshift denyAccess(String operation) {
    super.denyAccess(operation);
    return this;
  }

  @Override
  public FakeRedshift allowAccess(String operation) {
    super.allowAccess(operation);
    return this;
  }
}
