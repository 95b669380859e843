package io.brighthive.loadstress.jobs.local;

import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobRunner;
import io.brighthive.loadstress.jobs.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One local environment's jobs: each run is a child JVM whose directory under {@code jobs/} holds
 * everything known about it (see {@link LocalRun}). The run id is derived from the client token,
 * so a repeated submit finds the run it started. Nothing here waits for a job.
 */
public final class LocalJobRunner implements JobRunner {
  static final String LOST = "lost: the operator restarted and the job process is gone";
  static final int TAIL_LINES = 8;
  static final int TAIL_CHARS = 1500;

  private final LocalJobs jobs;
  private final Path jobsDir;

  LocalJobRunner(LocalJobs jobs, Path jobsDir) {
    this.jobs = jobs;
    this.jobsDir = jobsDir;
  }

  /** Local jobs need nothing started first. */
  @Override
  public boolean ready() {
    return true;
  }

  /** Records the run before anything runs, then starts it, or queues it while every slot is taken. */
  @Override
  public String submit(JobRequest request) {
    String id = runId(request.clientToken());
    return jobs.locked(() -> {
      LocalRun run = run(id);
      if (!run.exists()) {
        LocalRun.create(run.dir(), new LocalRun.Request(id, request.clientToken(), request.name(), request.arguments(),
            jobs.command(request), jobs.now().toString()));
      }
      jobs.admit();
      return id;
    });
  }

  @Override
  public Optional<JobRunSnapshot> describe(String jobRunId) {
    return jobs.locked(() -> {
      LocalRun run = run(jobRunId);
      if (!run.exists()) {
        return Optional.empty();
      }
      jobs.admit();
      stopCancelled(run);
      return Optional.of(snapshot(run));
    });
  }

  /**
   * Stops the run's whole process tree: SIGTERM to the job and every process under it, and SIGKILL
   * to whatever still runs once the grace period is over (on a later cancel or describe). A queued
   * run never starts; a finished one is left as it is.
   */
  @Override
  public void cancel(String jobRunId) {
    jobs.locked(() -> {
      LocalRun run = run(jobRunId);
      if (!run.exists() || run.exitCode().isPresent() && run.cancel().isEmpty()) {
        return null;
      }
      if (run.cancel().isPresent()) {
        stopCancelled(run);
        return null;
      }
      List<ProcessHandle> tree = new ArrayList<>();
      run.launch().flatMap(l -> l.process().live()).ifPresent(root -> {
        root.descendants().forEach(tree::add);
        tree.add(root);
      });
      run.recordCancel(new LocalRun.Cancel(jobs.now().toString(), tree.stream().map(ProcessRef::of).toList()));
      tree.forEach(ProcessHandle::destroy);
      return null;
    });
  }

  /** Runs that have not ended: queued, running, or still stopping. */
  public List<String> unfinished() {
    return jobs.locked(() -> runs().stream()
        .filter(r -> !r.liveProcesses().isEmpty() || r.queued())
        .map(LocalRun::id)
        .toList());
  }

  public Path jobsDir() {
    return jobsDir;
  }

  private void stopCancelled(LocalRun run) {
    Optional<LocalRun.Cancel> cancel = run.cancel();
    if (cancel.isEmpty()) {
      return;
    }
    List<ProcessHandle> live = run.liveProcesses();
    Duration waited = Duration.between(Instant.parse(cancel.get().requestedAt()), jobs.now());
    if (live.isEmpty() || waited.compareTo(jobs.limits().stopGrace()) < 0) {
      return;
    }
    live.stream().flatMap(h -> Stream.concat(h.descendants(), Stream.of(h))).forEach(ProcessHandle::destroyForcibly);
  }

  private JobRunSnapshot snapshot(LocalRun run) {
    LocalRun.Request request = run.request();
    Instant created = Instant.parse(request.queuedAt());
    Optional<LocalRun.Cancel> cancel = run.cancel();
    if (cancel.isPresent()) {
      Instant at = Instant.parse(cancel.get().requestedAt());
      List<ProcessHandle> live = run.liveProcesses();
      return live.isEmpty()
          ? snapshot(run, JobState.CANCELLED, "cancelled at " + at, created, at)
          : snapshot(run, JobState.CANCELLING, "stopping " + live.size() + " process(es) since " + at, created, at);
    }
    Optional<Integer> exit = run.exitCode();
    if (exit.isPresent()) {
      return finished(run, exit.get(), created);
    }
    Optional<LocalRun.Launch> launch = run.launch();
    if (launch.isEmpty() && !run.launching()) {
      return snapshot(run, JobState.PENDING, "queued: all " + jobs.limits().maxConcurrent() + " local job slots are taken"
          + " (--local-max-jobs); " + jobs.queuedAhead(run) + " run(s) queued ahead of this one", created, created);
    }
    if (launch.isPresent() && launch.get().process().live().isPresent()) {
      Instant started = Instant.parse(launch.get().startedAt());
      return snapshot(run, JobState.RUNNING, "running as process " + launch.get().process().pid() + " since " + started,
          created, started);
    }
    // The wrapper writes the exit code just before it exits: look again now that it is gone.
    exit = run.exitCode();
    if (exit.isPresent()) {
      return finished(run, exit.get(), created);
    }
    return snapshot(run, JobState.FAILED, LOST, created, jobs.now());
  }

  private JobRunSnapshot finished(LocalRun run, int exitCode, Instant created) {
    Instant at = run.modified(LocalRun.EXIT_CODE).orElse(jobs.now());
    if (exitCode == 0) {
      return snapshot(run, JobState.SUCCESS, "exit code 0", created, at);
    }
    String tail = run.logTail(TAIL_LINES, TAIL_CHARS);
    return snapshot(run, JobState.FAILED, "exit code " + exitCode + (tail.isEmpty() ? "; the log is empty" : "; last lines of the log: " + tail),
        created, at);
  }

  private static JobRunSnapshot snapshot(LocalRun run, JobState state, String details, Instant created, Instant updated) {
    return new JobRunSnapshot(run.id(), state, details, created, updated, Optional.empty(), Optional.empty(), Optional.empty(),
        run.log().toString());
  }

  private LocalRun run(String id) {
    if (!id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("not a local job run id: " + id);
    }
    return new LocalRun(jobsDir.resolve(id));
  }

  private List<LocalRun> runs() {
    if (!Files.isDirectory(jobsDir)) {
      return List.of();
    }
    List<LocalRun> runs = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(jobsDir, p -> !p.getFileName().toString().startsWith("."))) {
      stream.forEach(p -> runs.add(new LocalRun(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jobsDir, e);
    }
    return runs.stream().filter(LocalRun::exists).toList();
  }

  /** Derived from the token: the same token always names the same run. */
  static String runId(String clientToken) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(clientToken.getBytes(StandardCharsets.UTF_8));
      return "lj-" + HexFormat.of().formatHex(hash).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
