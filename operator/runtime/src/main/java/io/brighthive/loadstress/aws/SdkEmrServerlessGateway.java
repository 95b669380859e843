package io.brighthive.loadstress.aws;

import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ResourceUtilization;

/** {@link EmrServerlessGateway} on the AWS SDK v2 client. */
public final class SdkEmrServerlessGateway implements EmrServerlessGateway {
  private final EmrServerlessClient client;

  public SdkEmrServerlessGateway(EmrServerlessClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> applicationState(String applicationId) {
    try {
      return Optional.of(client.getApplication(b -> b.applicationId(applicationId)).application().stateAsString());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void startApplication(String applicationId) {
    client.startApplication(b -> b.applicationId(applicationId));
  }

  @Override
  public void stopApplication(String applicationId) {
    client.stopApplication(b -> b.applicationId(applicationId));
  }

  @Override
  public String startJobRun(String applicationId, String executionRoleArn, String clientToken, String name, String entryPoint,
      List<String> arguments, Map<String, String> sparkConf, String logGroup) {
    String submitParameters = sparkConf.entrySet().stream()
        .map(e -> "--conf " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" ", "--class io.brighthive.loadstress.generator.Main ", ""));
    return client.startJobRun(b -> b.applicationId(applicationId)
            .clientToken(clientToken)
            .executionRoleArn(executionRoleArn)
            .name(name)
            .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint(entryPoint).entryPointArguments(arguments)
                .sparkSubmitParameters(submitParameters.trim())))
            .configurationOverrides(c -> c.monitoringConfiguration(m -> m.cloudWatchLoggingConfiguration(
                l -> l.enabled(true).logGroupName(logGroup).logStreamNamePrefix(name)))))
        .jobRunId();
  }

  @Override
  public Optional<JobRunSnapshot> getJobRun(String applicationId, String jobRunId) {
    try {
      JobRun run = client.getJobRun(b -> b.applicationId(applicationId).jobRunId(jobRunId)).jobRun();
      ResourceUtilization billed = run.billedResourceUtilization();
      String logGroup = run.configurationOverrides() == null || run.configurationOverrides().monitoringConfiguration() == null
          || run.configurationOverrides().monitoringConfiguration().cloudWatchLoggingConfiguration() == null ? null
          : run.configurationOverrides().monitoringConfiguration().cloudWatchLoggingConfiguration().logGroupName();
      return Optional.of(new JobRunSnapshot(
          run.jobRunId(),
          JobState.fromAws(run.stateAsString()),
          run.stateDetails(),
          run.createdAt(),
          run.updatedAt(),
          Optional.ofNullable(billed).map(ResourceUtilization::vcpuHour),
          Optional.ofNullable(billed).map(ResourceUtilization::memoryGBHour),
          Optional.ofNullable(billed).map(ResourceUtilization::storageGBHour),
          logGroup == null ? null : "cloudwatch:" + logGroup + " (streams " + run.name() + "*)"));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void cancelJobRun(String applicationId, String jobRunId) {
    client.cancelJobRun(b -> b.applicationId(applicationId).jobRunId(jobRunId));
  }
}
