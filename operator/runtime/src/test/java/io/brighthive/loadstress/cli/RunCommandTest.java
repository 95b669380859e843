package io.brighthive.loadstress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {
  @Test
  void settingsComeFromFlags() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--watch-namespaces", "team-a, team-b", "--poll-in-progress", "15s", "--poll-settled", "10m");
    var settings = run.settings();
    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(settings.pollInProgress()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.pollSettled()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.awsEndpoint()).isEmpty();
  }

  @Test
  void defaultsWatchAllNamespacesAndPollEveryTenSecondsThenFiveMinutes() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs();
    var settings = run.settings();
    assertThat(settings.pollInProgress()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.pollSettled()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aBadDurationIsRejectedWithTheOptionNamed() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--poll-settled", "soon");
    assertThatThrownBy(run::settings).hasMessageContaining("--poll-settled must be a duration");
  }

  @Test
  void settledPollsMayNotBeMoreFrequentThanInProgressOnes() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--poll-in-progress", "1m", "--poll-settled", "10s");
    assertThatThrownBy(run::settings).hasMessageContaining("settled one at least the in-progress one");
  }

  @Test
  void metricsPortAndLeaderElectionComeFromFlags() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--metrics-port", "9095", "--leader-election", "--lease-name", "ls-lease", "--lease-namespace", "ops");
    var settings = run.settings();
    assertThat(settings.metricsPort()).isEqualTo(9095);
    assertThat(settings.leaderElection()).hasValueSatisfying(l -> {
      assertThat(l.leaseName()).isEqualTo("ls-lease");
      assertThat(l.leaseNamespace()).hasValue("ops");
    });
  }

  @Test
  void defaultsServeMetricsOn8080WithoutLeaderElection() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs();
    var settings = run.settings();
    assertThat(settings.metricsPort()).isEqualTo(8080);
    assertThat(settings.leaderElection()).isEmpty();
  }

  @Test
  void theLocalProviderDefaultsToDotLoadstressThreeGigabytesEveryCoreAndTwoJobs() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs();
    var local = run.settings().local();
    assertThat(local.workDir()).isEqualTo(Path.of(".loadstress").toAbsolutePath());
    assertThat(local.sparkGeneratorHome()).isEmpty();
    assertThat(local.limits().heap()).isEqualTo("3g");
    assertThat(local.limits().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(local.limits().maxConcurrent()).isEqualTo(2);
  }

  @Test
  void theLocalProviderIsSetByFlags() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--work-dir", "/var/lib/loadstress", "--spark-generator-home", "/opt/loadstress/spark-generator",
        "--local-job-heap", "512m", "--local-job-cores", "1", "--local-max-jobs", "4");
    var local = run.settings().local();
    assertThat(local.workDir()).isEqualTo(Path.of("/var/lib/loadstress"));
    assertThat(local.sparkGeneratorHome()).hasValue(Path.of("/opt/loadstress/spark-generator"));
    assertThat(local.limits().heap()).isEqualTo("512m");
    assertThat(local.limits().cores()).isEqualTo(1);
    assertThat(local.limits().maxConcurrent()).isEqualTo(4);
  }

  @Test
  void badLocalLimitsAreRejectedAtStartup() {
    RunCommand heap = new RunCommand();
    new CommandLine(heap).parseArgs("--local-job-heap", "lots");
    assertThatThrownBy(heap::settings).hasMessageContaining("heap must be a size such as 3g or 512m, not 'lots'");
    RunCommand jobs = new RunCommand();
    new CommandLine(jobs).parseArgs("--local-max-jobs", "0");
    assertThatThrownBy(jobs::settings).hasMessageContaining("at least one local job");
    RunCommand cores = new RunCommand();
    new CommandLine(cores).parseArgs("--local-job-cores", "-1");
    assertThatThrownBy(cores::settings).hasMessageContaining("--local-job-cores");
  }

  @Test
  void leaderElectionCanBeSwitchedOffExplicitly() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--leader-election=false");
    assertThat(run.settings().leaderElection()).isEmpty();
  }
}
