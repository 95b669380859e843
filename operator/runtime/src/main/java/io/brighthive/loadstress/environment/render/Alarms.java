package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.environment.sizing.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five alarms. Every metric name, namespace, dimension set and unit below was checked against
 * the page named next to it; the source had a wrong EMR metric name and dimension and a Redshift
 * threshold in the wrong unit.
 */
final class Alarms {
  static final String CPU = "RedshiftCpuAlarm";
  static final String CONNECTIONS = "RedshiftConnectionsAlarm";
  static final String DISK = "RedshiftDiskAlarm";
  static final String SLOW_QUERIES = "RedshiftSlowQueriesAlarm";
  static final String EMR_FAILED_JOBS = "EmrFailedJobsAlarm";
  static final List<String> ALL = List.of(CPU, CONNECTIONS, DISK, SLOW_QUERIES, EMR_FAILED_JOBS);
  static final int PERIOD_SECONDS = 300;
  private static final long MICROSECONDS_PER_SECOND = 1_000_000L;
  private static final Pattern RELEASE = Pattern.compile("^emr-(\\d+)\\.(\\d+)\\.\\d+$");

  private Alarms() {}

  static void render(TemplateBuilder t, RenderContext ctx, String clusterIdParameter, String applicationIdParameter,
      String topic) {
    Thresholds limits = ctx.env().monitoring().thresholds();
    List<Props> cluster = List.of(dimension("ClusterIdentifier", Cfn.ref(clusterIdParameter)));

    // "Amazon Redshift performance data" (Redshift management guide): CPUUtilization, Percent,
    // dimensions ClusterIdentifier (optionally NodeID). Average of all nodes, two 5-minute periods.
    alarm(t, ctx, CPU, "redshift-high-cpu", "Redshift CPU above " + limits.redshiftCpuPercent() + "% for 10 minutes",
        topic, metric("AWS/Redshift", "CPUUtilization", cluster, "Average", "Percent")
            .put("EvaluationPeriods", 2).put("Threshold", limits.redshiftCpuPercent())
            .put("ComparisonOperator", "GreaterThanThreshold"));

    // Same page: DatabaseConnections, Count, dimension ClusterIdentifier.
    alarm(t, ctx, CONNECTIONS, "redshift-high-connections",
        "More than " + limits.redshiftConnections() + " Redshift connections", topic,
        metric("AWS/Redshift", "DatabaseConnections", cluster, "Maximum", "Count")
            .put("EvaluationPeriods", 1).put("Threshold", limits.redshiftConnections())
            .put("ComparisonOperator", "GreaterThanThreshold"));

    // Same page: PercentageDiskSpaceUsed, Percent, dimension ClusterIdentifier. (The source called
    // this alarm "low-disk"; it fires on high usage.)
    alarm(t, ctx, DISK, "redshift-high-disk-usage", "Redshift disk use above " + limits.redshiftDiskPercent() + "%",
        topic, metric("AWS/Redshift", "PercentageDiskSpaceUsed", cluster, "Maximum", "Percent")
            .put("EvaluationPeriods", 2).put("Threshold", limits.redshiftDiskPercent())
            .put("ComparisonOperator", "GreaterThanThreshold"));

    // Same page: QueryDuration is the average time to complete a query in Microseconds, reported
    // every 5 minutes, with dimensions ClusterIdentifier + latency. The source compared it with 30000
    // as if it were milliseconds (30 ms). latency=medium is the 10 s to 10 min class, where a 30 s
    // query lands; longer queries are aborted by the WLM rules after 300 s, and what still runs
    // longer (COPY, VACUUM) is expected during a load.
    List<Props> medium = List.of(cluster.get(0), dimension("latency", "medium"));
    alarm(t, ctx, SLOW_QUERIES, "redshift-slow-queries",
        "Redshift queries taking longer than " + limits.slowQuerySeconds() + " s on average", topic,
        metric("AWS/Redshift", "QueryDuration", medium, "Average", "Microseconds")
            .put("EvaluationPeriods", 2).put("Threshold", limits.slowQuerySeconds() * MICROSECONDS_PER_SECOND)
            .put("ComparisonOperator", "GreaterThanThreshold"));

    // "Monitoring EMR Serverless applications and jobs" (EMR Serverless user guide) and the AWS
    // sample dashboard it points to (aws-samples/emr-serverless-samples): the job metric is
    // FailedJobs in AWS/EMRServerless, by ApplicationId; from release 7.10 the metrics also carry
    // ApplicationName. The source used "JobsFailed" by ApplicationName, which does not exist. The
    // unit is not stated there, so none is set: a wrong unit would leave the alarm without data.
    alarm(t, ctx, EMR_FAILED_JOBS, "emr-job-failed", "An EMR Serverless job run failed", topic,
        metric("AWS/EMRServerless", "FailedJobs", emrDimensions(ctx, applicationIdParameter), "Sum", null)
            .put("EvaluationPeriods", 1).put("Threshold", 1)
            .put("ComparisonOperator", "GreaterThanOrEqualToThreshold"));
  }

  /** Dimensions of EMR Serverless application metrics for the environment's release. */
  static List<Props> emrDimensions(RenderContext ctx, String applicationIdParameter) {
    List<Props> dimensions = new ArrayList<>();
    dimensions.add(dimension("ApplicationId", Cfn.ref(applicationIdParameter)));
    if (hasApplicationNameDimension(ctx.env().emr().releaseLabel())) {
      dimensions.add(dimension("ApplicationName", ctx.names().emrApplicationName()));
    }
    return dimensions;
  }

  static boolean hasApplicationNameDimension(String releaseLabel) {
    Matcher m = RELEASE.matcher(releaseLabel);
    if (!m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 7 || (major == 7 && minor >= 10);
  }

  private static Props metric(String namespace, String name, List<Props> dimensions, String statistic, String unit) {
    return Props.of()
        .put("Namespace", namespace)
        .put("MetricName", name)
        .put("Dimensions", dimensions)
        .put("Statistic", statistic)
        .putIf(unit != null, "Unit", unit)
        .put("Period", PERIOD_SECONDS);
  }

  private static Props dimension(String name, Object value) {
    return Props.of().put("Name", name).put("Value", value);
  }

  private static void alarm(TemplateBuilder t, RenderContext ctx, String logicalId, String purpose, String description,
      String topic, Props metric) {
    Props alarm = t.resource(logicalId, "AWS::CloudWatch::Alarm")
        .put("AlarmName", ctx.names().alarmName(purpose))
        .put("AlarmDescription", description)
        .put("ActionsEnabled", true)
        .put("AlarmActions", List.of(Cfn.ref(topic)))
        .put("OKActions", List.of(Cfn.ref(topic)));
    metric.node().properties().forEach(field -> alarm.put(field.getKey(), field.getValue()));
    // A paused cluster or a stopped application publishes nothing; that is not an alarm.
    alarm.put("TreatMissingData", "notBreaching").put("Tags", ctx.tags());
  }
}
