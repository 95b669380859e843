package io.brighthive.loadstress.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.awsfake.FakeAws;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;

/** Real SDK clients against the wire-level AWS fake, with the interceptor registered as production does. */
class AwsCallMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AwsCallMetrics interceptor = new AwsCallMetrics(new LoadstressMetrics(registry));
  private final FakeAws aws = new FakeAws().start();

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void successfulCallsAreCountedByServiceAndOperation() {
    CloudFormationClient cfn = aws.cloudFormation(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(interceptor)));
    cfn.listStacks();
    cfn.listStacks();
    assertThat(count("cloudformation", "ListStacks", "success")).isEqualTo(2.0);
  }

  @Test
  void aCallThrottledUntilTheSdkGivesUpCountsAsThrottledAndOneThrottledThenAnsweredAsSuccess() {
    CloudFormationClient cfn = aws.cloudFormation(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(interceptor)));
    aws.cfn().throttle("ListStacks", 1);
    cfn.listStacks();
    aws.cfn().throttle("ListStacks", 10);
    assertThatThrownBy(cfn::listStacks).isInstanceOf(AwsServiceException.class);
    assertThat(count("cloudformation", "ListStacks", "success")).isEqualTo(1.0);
    assertThat(count("cloudformation", "ListStacks", "throttled")).isEqualTo(1.0);
  }

  @Test
  void serverAndClientErrorsAreTold() {
    CloudFormationClient cfn = aws.cloudFormation(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(interceptor)));
    aws.cfn().failWithServerError("ListStacks", 10);
    assertThatThrownBy(cfn::listStacks).isInstanceOf(AwsServiceException.class);
    assertThatThrownBy(() -> cfn.describeStacks(b -> b.stackName("ls-missing")))
        .isInstanceOf(AwsServiceException.class);
    assertThat(count("cloudformation", "ListStacks", "server_error")).isEqualTo(1.0);
    assertThat(count("cloudformation", "DescribeStacks", "client_error")).isEqualTo(1.0);
  }

  @Test
  void noAnswerIsANetworkError() {
    RedshiftClient redshift = aws.configure(RedshiftClient.builder())
        .endpointOverride(java.net.URI.create("http://127.0.0.1:9"))
        .overrideConfiguration(o -> o.retryStrategy(FakeAws.fastRetries()).addExecutionInterceptor(interceptor))
        .build();
    try (redshift) {
      assertThatThrownBy(redshift::describeClusters).isInstanceOf(SdkClientException.class);
    }
    assertThat(count("redshift", "DescribeClusters", "network_error")).isEqualTo(1.0);
  }

  private double count(String service, String operation, String outcome) {
    return PrometheusText.value(registry.scrape(),
        "loadstress_aws_calls_total{service=\"" + service + "\",operation=\"" + operation + "\",outcome=\"" + outcome + "\"}");
  }
}
