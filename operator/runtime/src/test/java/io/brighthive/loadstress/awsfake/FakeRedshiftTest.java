package io.brighthive.loadstress.awsfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.awsfake.redshift.FakeRedshift;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;
import software.amazon.awssdk.services.redshift.model.ClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.redshift.model.InvalidClusterStateException;
import software.amazon.awssdk.services.redshift.model.Snapshot;

/** The Redshift fake through the real SDK client: asynchronous pause, resume and delete on a frozen clock. */
class FakeRedshiftTest {

  @RegisterExtension
  static final FakeAwsExtension AWS = new FakeAwsExtension();

  private static RedshiftClient redshift;
  private FakeRedshift fake;

  @BeforeAll
  static void client() {
    redshift = AWS.fake().redshift();
  }

  @BeforeEach
  void cluster() {
    fake = AWS.fake().service(FakeRedshift.class);
    fake.createClusterOutOfBand("env-a-warehouse");
    AWS.fake().clock().freeze();
  }

  private Cluster describe(String id) {
    return redshift.describeClusters(r -> r.clusterIdentifier(id)).clusters().get(0);
  }

  private void advance() {
    AWS.fake().clock().advance(Duration.ofMillis(200));
  }

  @Test
  void describeShowsTheClusterAndAMissingOneIsClusterNotFound() {
    Cluster cluster = describe("env-a-warehouse");
    assertThat(cluster.clusterStatus()).isEqualTo("available");
    assertThat(cluster.clusterAvailabilityStatus()).isEqualTo("Available");
    assertThat(cluster.endpoint().port()).isEqualTo(5439);
    assertThat(cluster.nodeType()).isEqualTo("ra3.xlplus");
    assertThat(cluster.clusterCreateTime()).isNotNull();
    assertThat(redshift.describeClusters().clusters()).hasSize(1);

    assertThatThrownBy(() -> describe("nope")).isInstanceOfSatisfying(ClusterNotFoundException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFound");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster nope not found.");
    });
  }

  @Test
  void pauseGoesThroughPausingAndResumeThroughResuming() {
    assertThat(redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse")).cluster().clusterStatus())
        .isEqualTo("pausing");
    assertThat(describe("env-a-warehouse").clusterAvailabilityStatus()).isEqualTo("Modifying");
    assertThatThrownBy(() -> redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse")))
        .isInstanceOfSatisfying(InvalidClusterStateException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClusterState");
        });
    advance();
    assertThat(describe("env-a-warehouse").clusterStatus()).isEqualTo("paused");
    assertThat(describe("env-a-warehouse").clusterAvailabilityStatus()).isEqualTo("Unavailable");
    assertThatThrownBy(() -> redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse")))
        .isInstanceOf(InvalidClusterStateException.class);

    assertThat(redshift.resumeCluster(r -> r.clusterIdentifier("env-a-warehouse")).cluster().clusterStatus())
        .isEqualTo("resuming");
    assertThatThrownBy(() -> redshift.resumeCluster(r -> r.clusterIdentifier("env-a-warehouse")))
        .isInstanceOf(InvalidClusterStateException.class);
    advance();
    assertThat(describe("env-a-warehouse").clusterStatus()).isEqualTo("available");
    assertThat(fake.writeCalls()).isEqualTo(5);
    assertThat(fake.calls("PauseCluster")).isEqualTo(3);
  }

  @Test
  void aPausedClusterCannotBeDeleted() {
    redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse"));
    advance();
    assertThatThrownBy(() -> redshift.deleteCluster(r -> r.clusterIdentifier("env-a-warehouse")
        .skipFinalClusterSnapshot(true)))
        .isInstanceOfSatisfying(InvalidClusterStateException.class, e -> assertThat(e.awsErrorDetails()
            .errorMessage()).isEqualTo("There is an operation running on the Cluster. Please try to delete it at "
                + "a later time."));
    assertThat(fake.clusterStatus("env-a-warehouse")).contains("paused");
  }

  @Test
  void deleteWithAFinalSnapshotRecordsItAndTheClusterGoes() {
    assertThatThrownBy(() -> redshift.deleteCluster(r -> r.clusterIdentifier("env-a-warehouse")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("InvalidParameterCombination"));

    Cluster deleting = redshift.deleteCluster(r -> r.clusterIdentifier("env-a-warehouse")
        .finalClusterSnapshotIdentifier("env-a-final")).cluster();
    assertThat(deleting.clusterStatus()).isEqualTo("final-snapshot");
    assertThatThrownBy(() -> redshift.deleteCluster(r -> r.clusterIdentifier("env-a-warehouse")
        .skipFinalClusterSnapshot(true))).isInstanceOf(InvalidClusterStateException.class);
    advance();
    assertThat(describe("env-a-warehouse").clusterStatus()).isEqualTo("deleting");
    advance();
    assertThatThrownBy(() -> describe("env-a-warehouse")).isInstanceOf(ClusterNotFoundException.class);

    Snapshot snapshot = redshift.describeClusterSnapshots(r -> r.clusterIdentifier("env-a-warehouse")).snapshots()
        .get(0);
    assertThat(snapshot.snapshotIdentifier()).isEqualTo("env-a-final");
    assertThat(snapshot.status()).isEqualTo("available");
    assertThat(snapshot.snapshotType()).isEqualTo("manual");
    assertThat(fake.snapshots("env-a-warehouse")).containsExactly("env-a-final");
  }

  @Test
  void manualSnapshotsAndCreateCluster() {
    redshift.createClusterSnapshot(r -> r.clusterIdentifier("env-a-warehouse").snapshotIdentifier("before-s14"));
    assertThatThrownBy(() -> redshift.createClusterSnapshot(r -> r.clusterIdentifier("env-a-warehouse")
        .snapshotIdentifier("before-s14"))).isInstanceOf(ClusterSnapshotAlreadyExistsException.class);
    assertThat(redshift.describeClusterSnapshots(r -> r.snapshotIdentifier("before-s14")).snapshots().get(0)
        .status()).isEqualTo("creating");
    advance();
    assertThat(redshift.describeClusterSnapshots(r -> r.snapshotIdentifier("before-s14")).snapshots().get(0)
        .status()).isEqualTo("available");

    Cluster created = redshift.createCluster(r -> r.clusterIdentifier("second").nodeType("ra3.xlplus")
        .masterUsername("admin").clusterType("single-node").manageMasterPassword(true)).cluster();
    assertThat(created.clusterStatus()).isEqualTo("creating");
    advance();
    assertThat(describe("second").clusterStatus()).isEqualTo("available");
  }

  @Test
  void switchesApplyToRedshiftToo() {
    AWS.fake().clock().resume();
    fake.throttle("DescribeClusters", 1);
    assertThat(describe("env-a-warehouse").clusterStatus()).isEqualTo("available");
    assertThat(fake.calls("DescribeClusters")).isEqualTo(2);
    fake.denyAccess("PauseCluster");
    assertThatThrownBy(() -> redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    fake.transitionDelay(Duration.ZERO).allowAccess("PauseCluster");
    redshift.pauseCluster(r -> r.clusterIdentifier("env-a-warehouse"));
    assertThat(describe("env-a-warehouse").clusterStatus()).isEqualTo("paused");
  }
}
