package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.environment.sizing.CostEstimator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alarms name metrics, namespaces, dimensions and units as the AWS pages list them. */
class MonitoringTemplateTest {

  @Test
  void redshiftAlarmsUseThePublishedMetricsAndUnits() {
    RenderedEnvironment env = Templates.subset();

    assertAlarm(env, Alarms.CPU, "AWS/Redshift", "CPUUtilization", List.of("ClusterIdentifier"), "Percent",
        "Average", 2, 80, "GreaterThanThreshold");
    assertAlarm(env, Alarms.CONNECTIONS, "AWS/Redshift", "DatabaseConnections", List.of("ClusterIdentifier"), "Count",
        "Maximum", 1, 450, "GreaterThanThreshold");
    assertAlarm(env, Alarms.DISK, "AWS/Redshift", "PercentageDiskSpaceUsed", List.of("ClusterIdentifier"), "Percent",
        "Maximum", 2, 85, "GreaterThanThreshold");
    // QueryDuration is in microseconds: 30 s is 30,000,000.
    assertAlarm(env, Alarms.SLOW_QUERIES, "AWS/Redshift", "QueryDuration", List.of("ClusterIdentifier", "latency"),
        "Microseconds", "Average", 2, 30_000_000L, "GreaterThanThreshold");
    JsonNode slow = Templates.properties(env, Component.MONITORING, Alarms.SLOW_QUERIES);
    assertThat(slow.path("Dimensions").get(1).path("Value").asText()).isEqualTo("medium");
    assertThat(Templates.properties(env, Component.MONITORING, Alarms.CPU).path("Period").asInt()).isEqualTo(300);
    assertThat(Templates.properties(env, Component.MONITORING, Alarms.CPU).path("Dimensions").get(0)
        .path("Value").path("Ref").asText()).isEqualTo("RedshiftClusterId");
  }

  @Test
  void emrAlarmCountsFailedJobsByApplicationId() {
    RenderedEnvironment env = Templates.subset();

    assertAlarm(env, Alarms.EMR_FAILED_JOBS, "AWS/EMRServerless", "FailedJobs", List.of("ApplicationId"), null,
        "Sum", 1, 1, "GreaterThanOrEqualToThreshold");
    assertThat(Templates.properties(env, Component.MONITORING, Alarms.EMR_FAILED_JOBS).path("Dimensions").get(0)
        .path("Value").path("Ref").asText()).isEqualTo("EmrApplicationId");
  }

  @Test
  void fromRelease710TheEmrMetricsAlsoCarryTheApplicationName() {
    EmrSpec emr = new EmrSpec();
    emr.setReleaseLabel("emr-7.10.0");
    RenderedEnvironment env = Templates.render(Mode.SUBSET, spec -> spec.setEmr(emr));

    assertAlarm(env, Alarms.EMR_FAILED_JOBS, "AWS/EMRServerless", "FailedJobs", List.of("ApplicationId", "ApplicationName"),
        null, "Sum", 1, 1, "GreaterThanOrEqualToThreshold");
    assertThat(Templates.properties(env, Component.MONITORING, Alarms.EMR_FAILED_JOBS).path("Dimensions").get(1)
        .path("Value").asText()).isEqualTo(env.names().emrApplicationName());
    assertThat(Alarms.hasApplicationNameDimension("emr-7.9.0")).isFalse();
    assertThat(Alarms.hasApplicationNameDimension("emr-7.12.1")).isTrue();
  }

  @Test
  void theAlarmsAreTheOnesTheCostEstimateCounts() {
    JsonNode template = Templates.template(Templates.subset(), Component.MONITORING);

    assertThat(Templates.resourcesOfType(template, "AWS::CloudWatch::Alarm")).hasSize(CostEstimator.ALARMS);
    assertThat(Templates.resourcesOfType(template, "AWS::CloudWatch::Dashboard")).hasSize(CostEstimator.DASHBOARDS);
    Templates.resourcesOfType(template, "AWS::CloudWatch::Alarm").forEach(alarm -> {
      assertThat(alarm.path("Properties").path("AlarmActions").get(0).path("Ref").asText()).isEqualTo("AlarmTopic");
      assertThat(alarm.path("Properties").path("TreatMissingData").asText()).isEqualTo("notBreaching");
    });
  }

  @Test
  void topicLetsCloudWatchPublishAndHasOneSubscriptionPerAddress() {
    RenderedEnvironment env = Templates.full();
    JsonNode template = Templates.template(env, Component.MONITORING);
    JsonNode allow = Templates.properties(env, Component.MONITORING, "AlarmTopicPolicy").path("PolicyDocument")
        .path("Statement").get(0);

    assertThat(allow.path("Effect").asText()).isEqualTo("Allow");
    assertThat(allow.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
    assertThat(allow.path("Action").asText()).isEqualTo("sns:Publish");
    List<String> endpoints = new ArrayList<>();
    Templates.resourcesOfType(template, "AWS::SNS::Subscription").forEach(s -> {
      assertThat(s.path("Properties").path("Protocol").asText()).isEqualTo("email");
      endpoints.add(s.path("Properties").path("Endpoint").asText());
    });
    assertThat(endpoints).containsExactly("oncall@example.com", "data-platform@example.com");
  }

  @Test
  void dashboardBodyIsJsonWithTheSourceWidgets() throws Exception {
    JsonNode dashboard = Templates.properties(Templates.subset(), Component.MONITORING, "Dashboard");
    JsonNode body = new ObjectMapper().readTree(dashboard.path("DashboardBody").path("Fn::Sub").asText());
    List<String> titles = new ArrayList<>();
    body.path("widgets").forEach(w -> titles.add(w.path("properties").path("title").asText()));

    assertThat(titles).contains("Redshift - CPU Utilization", "Redshift - Database Connections", "S3 - Bucket Size (bytes)",
        "S3 - Number of Objects", "S3 - Request Latency (ms)", "VPC Flow Logs - Top Talkers",
        "VPC Flow Logs - Rejected Traffic", "EMR Serverless - Job Runs");
    body.path("widgets").forEach(w -> assertThat(w.path("x").asInt() + w.path("width").asInt()).isLessThanOrEqualTo(24));
  }

  private static void assertAlarm(RenderedEnvironment env, String id, String namespace, String metric,
      List<String> dimensions, String unit, String statistic, int periods, long threshold, String comparison) {
    JsonNode alarm = Templates.properties(env, Component.MONITORING, id);
    List<String> names = new ArrayList<>();
    alarm.path("Dimensions").forEach(d -> names.add(d.path("Name").asText()));

    assertThat(alarm.path("Namespace").asText()).as(id).isEqualTo(namespace);
    assertThat(alarm.path("MetricName").asText()).as(id).isEqualTo(metric);
    assertThat(names).as(id).isEqualTo(dimensions);
    if (unit == null) {
      assertThat(alarm.has("Unit")).as(id).isFalse();
    } else {
      assertThat(alarm.path("Unit").asText()).as(id).isEqualTo(unit);
    }
    assertThat(alarm.path("Statistic").asText()).as(id).isEqualTo(statistic);
    assertThat(alarm.path("EvaluationPeriods").asInt()).as(id).isEqualTo(periods);
    assertThat(alarm.path("Threshold").asLong()).as(id).isEqualTo(threshold);
    assertThat(alarm.path("ComparisonOperator").asText()).as(id).isEqualTo(comparison);
  }
}
