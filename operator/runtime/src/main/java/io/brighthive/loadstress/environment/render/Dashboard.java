package io.brighthive.loadstress.environment.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard body: the source's widgets (Redshift CPU, connections and query duration; S3
 * size, objects and request latency; flow log top talkers and rejected traffic) plus Redshift
 * disk, EMR Serverless job runs and the alarms. The body is an {@code Fn::Sub} string whose
 * placeholders are the Monitoring stack's parameters, the region and the alarms' ARNs.
 */
final class Dashboard {
  private static final int FULL = 24;
  private static final int HALF = 12;
  private static final int THIRD = 8;
  private static final int HEIGHT = 6;
  private static final int DAY = 86_400;
  private static final String REGION = "${AWS::Region}";

  private final List<Props> widgets = new ArrayList<>();
  private int x;
  private int y;
  private int rowHeight;

  private Dashboard() {}

  /** The body; the parameter names are the placeholders used for the cluster, application, bucket and log group. */
  static String body(RenderContext ctx, String cluster, String application, String bucket, String flowLogs) {
    Dashboard d = new Dashboard();
    d.text(FULL, 2, "# loadstress " + ctx.names().namespace() + "/" + ctx.names().name() + "\n"
        + ctx.env().mode().name().toLowerCase(Locale.ROOT) + " mode. Stacks and names are managed by the loadstress operator.");
    List<Object> alarms = new ArrayList<>();
    Alarms.ALL.forEach(id -> alarms.add("${" + id + ".Arn}"));
    d.widget(FULL, 3, "alarm", Props.of().put("title", "Alarms").put("alarms", alarms));
    String rs = "${" + cluster + "}";
    d.metrics(THIRD, "Redshift - CPU Utilization", 300, "Average",
        List.of(List.of("AWS/Redshift", "CPUUtilization", "ClusterIdentifier", rs)));
    d.metrics(THIRD, "Redshift - Database Connections", 300, "Maximum",
        List.of(List.of("AWS/Redshift", "DatabaseConnections", "ClusterIdentifier", rs)));
    d.metrics(THIRD, "Redshift - Disk Space Used (%)", 300, "Maximum",
        List.of(List.of("AWS/Redshift", "PercentageDiskSpaceUsed", "ClusterIdentifier", rs)));
    d.metrics(HALF, "Redshift - Query Duration (microseconds)", 300, "Average", List.of(
        List.of("AWS/Redshift", "QueryDuration", "ClusterIdentifier", rs, "latency", "short"),
        List.of("AWS/Redshift", "QueryDuration", "ClusterIdentifier", rs, "latency", "medium"),
        List.of("AWS/Redshift", "QueryDuration", "ClusterIdentifier", rs, "latency", "long")));
    d.metrics(HALF, "EMR Serverless - Job Runs", 300, "Sum", emrJobs(ctx, "${" + application + "}"));
    String b = "${" + bucket + "}";
    d.metrics(THIRD, "S3 - Bucket Size (bytes)", DAY, "Average", List.of(
        List.of("AWS/S3", "BucketSizeBytes", "BucketName", b, "StorageType", "StandardStorage"),
        List.of("AWS/S3", "BucketSizeBytes", "BucketName", b, "StorageType", "IntelligentTieringFAStorage"),
        List.of("AWS/S3", "BucketSizeBytes", "BucketName", b, "StorageType", "IntelligentTieringIAStorage"),
        List.of("AWS/S3", "BucketSizeBytes", "BucketName", b, "StorageType", "IntelligentTieringAIAStorage")));
    d.metrics(THIRD, "S3 - Number of Objects", DAY, "Average",
        List.of(List.of("AWS/S3", "NumberOfObjects", "BucketName", b, "StorageType", "AllStorageTypes")));
    d.metrics(THIRD, "S3 - Request Latency (ms)", 300, "p90", List.of(List.of(
        "AWS/S3", "TotalRequestLatency", "BucketName", b, "FilterId", DataLakeStack.REQUEST_METRICS_FILTER)));
    String source = "SOURCE '${" + flowLogs + "}' | ";
    d.logs(HALF, "VPC Flow Logs - Top Talkers", source
        + "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10");
    d.logs(HALF, "VPC Flow Logs - Rejected Traffic", source
        + "filter action = 'REJECT' | stats count(*) as rejected by srcAddr, dstAddr, dstPort"
        + " | sort rejected desc | limit 10");
    return Props.of().put("widgets", d.widgets).node().toString();
  }

  private static List<Object> emrJobs(RenderContext ctx, String applicationId) {
    List<Object> rows = new ArrayList<>();
    boolean byName = Alarms.hasApplicationNameDimension(ctx.env().emr().releaseLabel());
    for (String metric : List.of("RunningJobs", "SuccessJobs", "FailedJobs")) {
      List<Object> row = new ArrayList<>(List.of("AWS/EMRServerless", metric, "ApplicationId", applicationId));
      if (byName) {
        row.addAll(List.of("ApplicationName", ctx.names().emrApplicationName()));
      }
      rows.add(row);
    }
    return rows;
  }

  private void text(int width, int height, String markdown) {
    widget(width, height, "text", Props.of().put("markdown", markdown));
  }

  private void metrics(int width, String title, int period, String stat, List<?> metrics) {
    widget(width, HEIGHT, "metric", Props.of()
        .put("title", title)
        .put("view", "timeSeries")
        .put("region", REGION)
        .put("period", period)
        .put("stat", stat)
        .put("metrics", metrics));
  }

  private void logs(int width, String title, String query) {
    widget(width, HEIGHT, "log", Props.of()
        .put("title", title)
        .put("region", REGION)
        .put("view", "table")
        .put("query", query));
  }

  /** Places widgets left to right, wrapping to a new row when the 24 columns are used up. */
  private void widget(int width, int height, String type, Props properties) {
    if (x + width > FULL) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    widgets.add(Props.of().put("type", type).put("x", x).put("y", y).put("width", width).put("height", height)
        .put("properties", properties));
    x += width;
    rowHeight = Math.max(rowHeight, height);
  }
}
