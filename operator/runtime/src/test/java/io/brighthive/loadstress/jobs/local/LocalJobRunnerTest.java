package io.brighthive.loadstress.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs running {@link TestJob} from a home whose classpath is this module's test classes. */
class LocalJobRunnerTest {
  static final Duration LIMIT = Duration.ofSeconds(30);
  @TempDir Path workDir;
  @TempDir Path homeDir;
  final List<Long> started = new ArrayList<>();

  @BeforeEach
  void home() throws Exception {
    TestHomes.create(homeDir);
  }

  @AfterEach
  void killLeftovers() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  LocalJobs jobs(int maxConcurrent, Duration grace) {
    return TestHomes.jobs(workDir, homeDir, maxConcurrent, grace);
  }

  LocalJobRunner runner() {
    return jobs(2, Duration.ofSeconds(5)).runner("team-a", "env");
  }

  static JobRunSnapshot awaitState(LocalJobRunner runner, String id, JobState state) {
    await().atMost(LIMIT).pollInterval(Duration.ofMillis(50))
        .until(() -> runner.describe(id).map(JobRunSnapshot::state).orElse(null) == state);
    return runner.describe(id).orElseThrow();
  }

  static JobRequest request(String token, String... args) {
    return new JobRequest(token, "test", Arrays.asList(args));
  }

  @Test
  void aJobThatExitsZeroSucceedsAndItsRunDirectoryHoldsCommandLogStateAndExitCode() throws IOException {
    LocalJobRunner runner = runner();
    String id = runner.submit(request("tok-ok", "ok"));

    JobRunSnapshot done = awaitState(runner, id, JobState.SUCCESS);

    Path run = workDir.resolve("team-a/env/jobs").resolve(id);
    assertThat(run.resolve(LocalRun.REQUEST)).content().contains("tok-ok", "-Xmx64m", "-Dspark.master=local[1]",
        TestJob.class.getName(), "\"ok\"");
    assertThat(run.resolve(LocalRun.STATE)).content().contains("\"pid\"");
    assertThat(run.resolve(LocalRun.EXIT_CODE)).content().isEqualToIgnoringWhitespace("0");
    assertThat(done.logLocation()).isEqualTo(run.resolve(LocalRun.LOG).toString());
    assertThat(Path.of(done.logLocation())).content().contains("generated 3 rows");
    assertThat(done.vcpuHours()).isEmpty();
    assertThat(done.createdAt()).isBeforeOrEqualTo(done.updatedAt());
  }

  @Test
  void aFailedJobNamesItsExitCodeAndTheLastLinesOfItsLogWithoutStackFrames() {
    LocalJobRunner runner = runner();
    String id = runner.submit(request("tok-fail", "fail", "3"));

    JobRunSnapshot failed = awaitState(runner, id, JobState.FAILED);

    assertThat(failed.stateDetails()).startsWith("exit code 3; last lines of the log: ")
        .contains("starting", "error: java.lang.IllegalStateException: the lake is read-only")
        .doesNotContain("Example.java", "3 more");
  }

  @Test
  void submittingTheSameTokenTwiceStartsOneProcess() throws Exception {
    LocalJobRunner runner = runner();
    Path release = workDir.resolve("release");
    String first = runner.submit(request("tok-same", "await", release.toString()));
    String second = runner.submit(request("tok-same", "await", release.toString()));
    String again = runner().submit(request("tok-same", "await", release.toString()));

    assertThat(second).isEqualTo(first);
    assertThat(again).isEqualTo(first);
    awaitState(runner, first, JobState.RUNNING);
    try (Stream<Path> runs = Files.list(workDir.resolve("team-a/env/jobs"))) {
      assertThat(runs.map(p -> p.getFileName().toString())).containsExactly(first);
    }
    assertThat(jobProcesses()).hasSize(1);
    Files.writeString(release, "");
    awaitState(runner, first, JobState.SUCCESS);
    assertThat(runner.submit(request("tok-other", "ok"))).isNotEqualTo(first);
  }

  @Test
  void cancelKillsTheJobAndTheProcessesItStarted() throws Exception {
    LocalJobRunner runner = runner();
    Path pids = workDir.resolve("pids");
    String id = runner.submit(request("tok-spawn", "spawn", pids.toString()));
    await().atMost(LIMIT).until(() -> Files.exists(pids));
    long[] javaAndSleep = Arrays.stream(Files.readString(pids).trim().split(" ")).mapToLong(Long::parseLong).toArray();
    Arrays.stream(javaAndSleep).forEach(started::add);
    ProcessHandle child = ProcessHandle.of(javaAndSleep[0]).orElseThrow();
    ProcessHandle grandchild = ProcessHandle.of(javaAndSleep[1]).orElseThrow();
    assertThat(grandchild.isAlive()).isTrue();

    runner.cancel(id);

    JobRunSnapshot cancelled = awaitState(runner, id, JobState.CANCELLED);
    assertThat(child.isAlive()).isFalse();
    assertThat(grandchild.isAlive()).isFalse();
    assertThat(cancelled.stateDetails()).startsWith("cancelled at ");
    assertThat(runner.unfinished()).isEmpty();
  }

  @Test
  void aJobThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    LocalJobRunner runner = jobs(2, Duration.ofMillis(300)).runner("team-a", "env");
    String id = runner.submit(request("tok-stubborn", "stubborn"));
    await().atMost(LIMIT).until(() -> Files.readString(workDir.resolve("team-a/env/jobs").resolve(id).resolve(LocalRun.LOG))
        .contains("ignoring SIGTERM"));

    runner.cancel(id);
    assertThat(runner.describe(id).orElseThrow().state()).isEqualTo(JobState.CANCELLING);

    awaitState(runner, id, JobState.CANCELLED);
    assertThat(jobProcesses()).isEmpty();
  }

  @Test
  void aNewRunnerOverTheSameWorkDirectoryReattachesToARunningJobAndSeesItsResult() throws Exception {
    Path release = workDir.resolve("release");
    String id = runner().submit(request("tok-reattach", "await", release.toString()));
    awaitState(runner(), id, JobState.RUNNING);

    LocalJobRunner restarted = runner();
    assertThat(restarted.describe(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    Files.writeString(release, "");

    assertThat(awaitState(restarted, id, JobState.SUCCESS).stateDetails()).isEqualTo("exit code 0");
  }

  @Test
  void aJobWhoseProcessVanishedWithoutAnExitCodeIsReportedLost() {
    Path release = workDir.resolve("release");
    String id = runner().submit(request("tok-lost", "await", release.toString()));
    awaitState(runner(), id, JobState.RUNNING);
    // As a machine restart would: every process of the run dies at once, the wrapper shell included.
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    await().atMost(LIMIT).until(() -> jobProcesses().isEmpty() && ProcessHandle.current().children().count() == 0);

    JobRunSnapshot lost = runner().describe(id).orElseThrow();

    assertThat(lost.state()).isEqualTo(JobState.FAILED);
    assertThat(lost.stateDetails()).isEqualTo("lost: the operator restarted and the job process is gone");
  }

  @Test
  void runsOverTheCapWaitQueuedAndStartWhenASlotFrees() throws Exception {
    LocalJobs jobs = jobs(1, Duration.ofSeconds(5));
    LocalJobRunner a = jobs.runner("team-a", "one");
    LocalJobRunner b = jobs.runner("team-b", "two");
    Path release = workDir.resolve("release");
    String first = a.submit(request("tok-first", "await", release.toString()));
    String second = b.submit(request("tok-second", "ok"));
    awaitState(a, first, JobState.RUNNING);

    JobRunSnapshot queued = b.describe(second).orElseThrow();
    assertThat(queued.state()).isEqualTo(JobState.PENDING);
    assertThat(queued.stateDetails()).contains("queued", "1 local job slots are taken");
    assertThat(workDir.resolve("team-b/two/jobs").resolve(second).resolve(LocalRun.STATE)).doesNotExist();
    assertThat(jobProcesses()).hasSize(1);

    Files.writeString(release, "");
    awaitState(a, first, JobState.SUCCESS);
    awaitState(b, second, JobState.SUCCESS);
  }

  @Test
  void anUnknownRunIsEmptyAndACancelledQueuedRunNeverStarts() throws Exception {
    LocalJobs jobs = jobs(1, Duration.ofSeconds(5));
    LocalJobRunner runner = jobs.runner("team-a", "env");
    assertThat(runner.describe("lj-0000")).isEmpty();
    Path release = workDir.resolve("release");
    String running = runner.submit(request("tok-running", "await", release.toString()));
    String queued = runner.submit(request("tok-queued", "ok"));
    assertThat(runner.unfinished()).containsExactlyInAnyOrder(running, queued);

    runner.cancel(queued);
    Files.writeString(release, "");
    awaitState(runner, running, JobState.SUCCESS);

    assertThat(runner.describe(queued).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(workDir.resolve("team-a/env/jobs").resolve(queued).resolve(LocalRun.STATE)).doesNotExist();
  }

  /** This test's job JVMs, wherever they sit in the process tree (a killed parent leaves them to init). */
  List<ProcessHandle> jobProcesses() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(TestJob.class.getName())
            && String.join(" ", a).contains(homeDir.toString())).orElse(false))
        .toList();
  }
}
