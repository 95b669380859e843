package io.brighthive.loadstress.metrics;

import java.util.Locale;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK call by service, operation and outcome. Register it on each client with
 * {@code overrideConfiguration(c -> c.addExecutionInterceptor(...))}. The SDK calls these hooks
 * once per call, after its retries, so a call throttled once and then answered counts as a success.
 */
public final class AwsCallMetrics implements ExecutionInterceptor {
  private final LoadstressMetrics metrics;

  public AwsCallMetrics(LoadstressMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    metrics.awsCall(service(attributes), operation(attributes), AwsCallOutcome.SUCCESS);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    metrics.awsCall(service(attributes), operation(attributes), AwsCallOutcome.of(context.exception()));
  }

  /** The SDK's service name ("CloudFormation", "EMR Serverless") as an IAM-style prefix. */
  static String service(ExecutionAttributes attributes) {
    String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    return name == null ? "unknown" : name.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static String operation(ExecutionAttributes attributes) {
    String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return name == null ? "unknown" : name;
  }
}
