package io.brighthive.loadstress.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.DataGenerationState;
import io.brighthive.loadstress.api.environment.Dataset;
import io.brighthive.loadstress.environment.sizing.DataGenerationSettings;
import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.JobState;
import io.brighthive.loadstress.status.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fills a ready environment with generated data, one short step per pass. The client token is
 * written to status before the job is submitted; submitting again with the same token finds the
 * same run, so a lost status write never starts a second job.
 */
public final class DataGeneration {
  public static final int MAX_ATTEMPTS = 3;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the data stands after a pass. */
  public record Outcome(StackHealth health, Reason reason, String message, boolean notable, Optional<Duration> recheckAfter) {}

  public Outcome step(LoadstressEnvironment env, DataGenerationSettings wanted, DataGenerationState state, JobRuntime runtime, Instant now) {
    String parameters = parametersHash(wanted);
    if (!parameters.equals(state.getParametersHash())) {
      reset(state, parameters, wanted, 1, env);
      return new Outcome(StackHealth.PROGRESSING, Reason.Generating, "generating " + wanted.records() + " records (seed "
          + wanted.seed() + "): submitting with client token " + state.getClientToken(), false, Optional.of(Duration.ofSeconds(1)));
    }
    if (JobState.SUCCESS.name().equals(state.getState()) && state.getRecords() != null) {
      return ready(state);
    }
    if (state.getJobRunId() == null) {
      return submit(env, wanted, state, runtime, now);
    }
    Optional<JobRunSnapshot> run = runtime.runner().describe(state.getJobRunId());
    if (run.isEmpty()) {
      return retryOrFail(env, wanted, state, now, "job run " + state.getJobRunId() + " is gone");
    }
    JobRunSnapshot snapshot = run.get();
    state.setState(snapshot.state().name());
    state.setStateDetails(snapshot.stateDetails());
    state.setLogLocation(snapshot.logLocation());
    return switch (snapshot.state()) {
      case SUCCESS -> collect(state, runtime, now);
      case FAILED, CANCELLED -> retryOrFail(env, wanted, state, now, "job run " + snapshot.jobRunId() + " ended "
          + snapshot.state() + (snapshot.stateDetails() == null ? "" : ": " + snapshot.stateDetails())
          + (snapshot.logLocation() == null ? "" : " (logs: " + snapshot.logLocation() + ")"));
      default -> new Outcome(StackHealth.PROGRESSING, Reason.Generating, "data generation job " + snapshot.jobRunId() + " is "
          + snapshot.state(), false, Optional.empty());
    };
  }

  private Outcome submit(LoadstressEnvironment env, DataGenerationSettings wanted, DataGenerationState state, JobRuntime runtime,
      Instant now) {
    if (state.getNextAttemptAt() != null && now.isBefore(Instant.parse(state.getNextAttemptAt()))) {
      return new Outcome(StackHealth.PROGRESSING, Reason.Generating, "attempt " + state.getAttempt() + " of data generation starts at "
          + state.getNextAttemptAt(), false, Optional.of(Duration.between(now, Instant.parse(state.getNextAttemptAt()))));
    }
    if (!runtime.runner().ready()) {
      return new Outcome(StackHealth.PROGRESSING, Reason.Generating, "starting the job runtime before data generation", false,
          Optional.empty());
    }
    runtime.ensureArtifact();
    String jobRunId = runtime.runner().submit(new JobRequest(state.getClientToken(), "generate-" + env.getMetadata().getName(),
        arguments(runtime.lakeUri(), wanted)));
    state.setJobRunId(jobRunId);
    state.setState(JobState.SUBMITTED.name());
    state.setSubmittedAt(now.toString());
    return new Outcome(StackHealth.PROGRESSING, Reason.Generating, "submitted data generation job " + jobRunId + " (attempt "
        + state.getAttempt() + ")", true, Optional.empty());
  }

  private Outcome collect(DataGenerationState state, JobRuntime runtime, Instant now) {
    String manifestUri = runtime.lakeUri() + "/_manifest.json";
    Optional<byte[]> manifest = runtime.store().read(manifestUri);
    if (manifest.isEmpty()) {
      return new Outcome(StackHealth.FAILED, Reason.DataGenerationFailed, "job run " + state.getJobRunId()
          + " succeeded but wrote no manifest at " + manifestUri, true, Optional.empty());
    }
    try {
      JsonNode m = JSON.readTree(new String(manifest.get(), StandardCharsets.UTF_8));
      if (!"COMPLETE".equals(m.path("status").asText())) {
        return new Outcome(StackHealth.FAILED, Reason.DataGenerationFailed, "the manifest at " + manifestUri
            + " is not COMPLETE but " + m.path("status").asText(), true, Optional.empty());
      }
      state.setRecords(m.path("records").asLong());
      state.setBytes(m.path("totalBytes").asLong());
      state.setDurationSeconds(Math.round(m.path("durationSeconds").asDouble()));
      state.setFinishedAt(now.toString());
      state.setNextAttemptAt(null);
      return new Outcome(StackHealth.READY, Reason.DataReady, describe(state), true, Optional.empty());
    } catch (IOException e) {
      return new Outcome(StackHealth.FAILED, Reason.DataGenerationFailed, "the manifest at " + manifestUri + " is not valid JSON: "
          + e.getMessage(), true, Optional.empty());
    }
  }

  private Outcome retryOrFail(LoadstressEnvironment env, DataGenerationSettings wanted, DataGenerationState state, Instant now,
      String why) {
    int attempt = state.getAttempt() == null ? 1 : state.getAttempt();
    if (attempt >= MAX_ATTEMPTS) {
      return new Outcome(StackHealth.FAILED, Reason.DataGenerationFailed, why + "; gave up after " + attempt
          + " attempts (change spec.dataGeneration to try again)", true, Optional.empty());
    }
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
    String details = state.getStateDetails();
    String logs = state.getLogLocation();
    reset(state, state.getParametersHash(), wanted, attempt + 1, env);
    state.setStateDetails(details);
    state.setLogLocation(logs);
    state.setNextAttemptAt(now.plus(backoff).toString());
    return new Outcome(StackHealth.PROGRESSING, Reason.DataGenerationFailed, why + "; attempt " + (attempt + 1) + " of "
        + MAX_ATTEMPTS + " in " + backoff.toSeconds() + "s", true, Optional.of(backoff));
  }

  private static Outcome ready(DataGenerationState state) {
    return new Outcome(StackHealth.READY, Reason.DataReady, describe(state), false, Optional.empty());
  }

  private static String describe(DataGenerationState state) {
    return String.format("%,d records, %,d bytes, generated in %ds by job run %s", state.getRecords(), state.getBytes(),
        state.getDurationSeconds(), state.getJobRunId());
  }

  private static void reset(DataGenerationState state, String parameters, DataGenerationSettings wanted, int attempt,
      LoadstressEnvironment env) {
    state.setParametersHash(parameters);
    state.setSeed(wanted.seed());
    state.setAttempt(attempt);
    state.setClientToken(token(env, parameters, attempt));
    state.setJobRunId(null);
    state.setState("PENDING_SUBMISSION");
    state.setStateDetails(null);
    state.setSubmittedAt(null);
    state.setFinishedAt(null);
    state.setRecords(null);
    state.setBytes(null);
    state.setDurationSeconds(null);
    state.setLogLocation(null);
    state.setNextAttemptAt(null);
  }

  /** Derived from the resource's uid, the data parameters (which follow its generation) and the attempt. */
  static String token(LoadstressEnvironment env, String parameters, int attempt) {
    String uid = env.getMetadata().getUid() == null ? "0" : env.getMetadata().getUid().replace("-", "");
    return "gen-" + uid.substring(Math.max(0, uid.length() - 12)) + "-" + parameters + "-" + attempt;
  }

  static List<String> arguments(String lake, DataGenerationSettings wanted) {
    List<String> args = new ArrayList<>(List.of("generate", "--lake", lake, "--records", Long.toString(wanted.records()),
        "--seed", Long.toString(wanted.seed())));
    if (wanted.datasets().size() < Dataset.values().length) {
      args.add("--datasets");
      args.add(wanted.datasets().stream().map(DataGeneration::datasetId).collect(Collectors.joining(",")));
    }
    return args;
  }

  static String datasetId(Dataset d) {
    return d.name().toLowerCase(java.util.Locale.ROOT);
  }

  static String parametersHash(DataGenerationSettings wanted) {
    String text = wanted.records() + "|" + wanted.seed() + "|" + wanted.datasets().stream().map(Enum::name).sorted()
        .collect(Collectors.joining(","));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
