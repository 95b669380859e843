package io.brighthive.loadstress.aws;

import io.brighthive.loadstress.jobs.JobRunSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EMR Serverless operations the operator uses. */
public interface EmrServerlessGateway {
  /** The application's state (CREATED, STARTING, STARTED, STOPPING, STOPPED, …), or empty when it does not exist. */
  Optional<String> applicationState(String applicationId);

  void startApplication(String applicationId);

  void stopApplication(String applicationId);

  /** StartJobRun with a spark-submit driver; the client token makes a repeated call return the same run. */
  String startJobRun(String applicationId, String executionRoleArn, String clientToken, String name, String entryPoint,
      List<String> arguments, Map<String, String> sparkConf, String logGroup);

  Optional<JobRunSnapshot> getJobRun(String applicationId, String jobRunId);

  void cancelJobRun(String applicationId, String jobRunId);
}
