package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.aws.EmrServerlessGateway;
import io.brighthive.loadstress.aws.S3ResultStore;
import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobRunner;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.ResultStore;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Jobs of an aws environment: EMR Serverless runs on the environment's application, with the job
 * role and log group its stack made; the artifact and results live in its data lake bucket.
 */
public final class EmrJobRuntime implements JobRuntime, JobRunner {
  private final EmrServerlessGateway emr;
  private final S3ResultStore store;
  private final String applicationId;
  private final String jobRoleArn;
  private final String logGroup;
  private final String bucket;
  private final Supplier<SparkGeneratorArtifact> artifact;

  public EmrJobRuntime(EmrServerlessGateway emr, S3ResultStore store, String applicationId, String jobRoleArn, String logGroup,
      String bucket, Supplier<SparkGeneratorArtifact> artifact) {
    this.emr = emr;
    this.store = store;
    this.applicationId = applicationId;
    this.jobRoleArn = jobRoleArn;
    this.logGroup = logGroup;
    this.bucket = bucket;
    this.artifact = artifact;
  }

  @Override
  public JobRunner runner() {
    return this;
  }

  @Override
  public ResultStore store() {
    return store;
  }

  @Override
  public String lakeUri() {
    return "s3://" + bucket;
  }

  @Override
  public void ensureArtifact() {
    SparkGeneratorArtifact jar = artifact.get();
    String uri = artifactUri(jar);
    if (!store.exists(uri)) {
      store.write(uri, jar.content());
    }
  }

  private String artifactUri(SparkGeneratorArtifact jar) {
    return lakeUri() + "/" + jar.key();
  }

  /** An application that is created or stopped is started; it takes jobs once STARTED. */
  @Override
  public boolean ready() {
    String state = emr.applicationState(applicationId)
        .orElseThrow(() -> new IllegalStateException("EMR Serverless application " + applicationId + " does not exist"));
    switch (state) {
      case "STARTED" -> {
        return true;
      }
      case "CREATED", "STOPPED" -> {
        emr.startApplication(applicationId);
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  @Override
  public String submit(JobRequest request) {
    return emr.startJobRun(applicationId, jobRoleArn, request.clientToken(), request.name(), artifactUri(artifact.get()),
        request.arguments(), Map.of(), logGroup);
  }

  @Override
  public Optional<JobRunSnapshot> describe(String jobRunId) {
    return emr.getJobRun(applicationId, jobRunId);
  }

  @Override
  public void cancel(String jobRunId) {
    emr.cancelJobRun(applicationId, jobRunId);
  }
}
