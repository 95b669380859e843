package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.QueryProtocolService;
import io.brighthive.loadstress.awsfake.XmlWriter;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stateful Redshift fake speaking the query protocol (API version 2012-12-01): CreateCluster, DescribeClusters,
 * PauseCluster, ResumeCluster, DeleteCluster (with or without a final snapshot), CreateClusterSnapshot
 * and DescribeClusterSnapshots.
 *
 * <p>Status changes are asynchronous on the fake clock, like the CloudFormation fake's: creating →
 * available, available → pausing → paused, paused → resuming → available, available → [final-snapshot →]
 * deleting → gone (ClusterNotFound, 404), each taking the {@linkplain #transitionDelay transition delay}
 * (default 200 ms). Pause needs an available cluster, resume a paused one, delete one that no operation is
 * running on (so not a paused one): otherwise InvalidClusterState. ClusterAvailabilityStatus is Available,
 * Modifying (pausing, resuming) or Unavailable (everything else).
 */
public final class FakeRedshift extends QueryProtocolService {

  public static final String API_VERSION = "2012-12-01";
  public static final String XMLNS = "http://redshift.amazonaws.com/doc/2012-12-01/";

  private final RedshiftState state;

  public FakeRedshift(Clock clock) {
    super("redshift", API_VERSION, XMLNS);
    this.state = new RedshiftState(clock);
    ClusterActions actions = new ClusterActions(state);
    on("CreateCluster", actions::createCluster);
    on("DescribeClusters", actions::describeClusters);
    on("PauseCluster", actions::pauseCluster);
    on("ResumeCluster", actions::resumeCluster);
    on("DeleteCluster", actions::deleteCluster);
    on("CreateClusterSnapshot", actions::createClusterSnapshot);
    on("DescribeClusterSnapshots", actions::describeClusterSnapshots);
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
      state.reset();
      return null;
    });
  }

  /** Runs {@code action} holding the state's monitor, after applying every status change that is due. */
  <T> T locked(Supplier<T> action) {
    synchronized (state) {
      state.timeline.advance();
      return action.get();
    }
  }

  RedshiftState state() {
    return state;
  }

  // ---- switches and test helpers ----

  /** How long each status change takes (default 200 ms; zero: the next call sees it done). */
  public FakeRedshift transitionDelay(Duration transitionDelay) {
    return locked(() -> {
      state.delay = transitionDelay;
      return this;
    });
  }

  /** An available cluster, as if created long ago (ra3.xlplus, one node, database dev, user awsuser). */
  public FakeRedshift createClusterOutOfBand(String clusterId) {
    return locked(() -> {
      state.clusters.putIfAbsent(clusterId, new Cluster(clusterId, state.now(), FakeAws.REGION.id()));
      return this;
    });
  }

  /** The cluster's ClusterStatus now, or empty when there is no such cluster. */
  public Optional<String> clusterStatus(String clusterId) {
    return locked(() -> state.find(clusterId).map(c -> c.status));
  }

  /** Puts the cluster into any status at once (e.g. paused, or incompatible-network), cancelling its transitions. */
  public void forceStatus(String clusterId, String status) {
    locked(() -> {
      Cluster cluster = state.require(clusterId);
      state.timeline.cancel(cluster);
      cluster.status = status;
      return null;
    });
  }

  public List<String> clusterIds() {
    return locked(() -> List.copyOf(state.clusters.keySet()));
  }

  /** Identifiers of the manual snapshots of {@code clusterId} (final snapshots included), oldest first. */
  public List<String> snapshots(String clusterId) {
    return locked(() -> state.snapshots.values().stream().filter(s -> s.clusterId.equals(clusterId))
        .map(s -> s.id).toList());
  }

  /** The hook through which stacks create and delete AWS::Redshift::Cluster resources in this fake. */
  public ResourceHook stackHook() {
    return new ClusterStackHook(this);
  }






}
