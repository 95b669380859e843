package io.brighthive.loadstress.environment.render;

import java.util.List;

/**
 * The Monitoring stack: the application log group, the alarm topic with a policy that lets
 * CloudWatch publish to it and one e-mail subscription per address, the five alarms and the
 * dashboard.
 *
 * <p>Log groups live where they are first needed: the flow log's in the VPC stack, the job logs'
 * in the EMR stack (the job role is scoped to it) and Redshift's audit log groups in the Redshift
 * stack (they must exist before audit logging starts). Only the application's group, which
 * nothing else owns, is here. The source's ECS log group is left out: nothing writes to it.
 */
final class MonitoringStack {
  private static final String TOPIC = "AlarmTopic";
  private static final String DASHBOARD = "Dashboard";
  private static final String APPLICATION_LOG_GROUP = "ApplicationLogGroup";

  private MonitoringStack() {}

  static StackTemplate render(RenderContext ctx) {
    TemplateBuilder t = new TemplateBuilder("loadstress " + ctx.names().namespace() + "/" + ctx.names().name()
        + ": alarms, alarm topic, dashboard and application log group");
    String cluster = t.parameter("RedshiftClusterId", "String", "Redshift cluster the alarms watch",
        new OutputRef(Component.REDSHIFT, StackOutputs.REDSHIFT_CLUSTER_ID));
    String application = t.parameter("EmrApplicationId", "String", "EMR Serverless application the alarms watch",
        new OutputRef(Component.EMR, StackOutputs.EMR_APPLICATION_ID));
    String bucket = t.parameter("DataBucketName", "String", "Data lake bucket shown on the dashboard",
        new OutputRef(Component.DATA_LAKE, StackOutputs.BUCKET_NAME));
    String flowLogs = t.parameter("FlowLogGroupName", "String", "Flow log group queried by the dashboard",
        new OutputRef(Component.VPC, StackOutputs.FLOW_LOG_GROUP));

    t.resource(APPLICATION_LOG_GROUP, "AWS::Logs::LogGroup")
        .put("LogGroupName", ctx.names().logGroupName("application"))
        .put("RetentionInDays", ctx.env().monitoring().logRetentionDays())
        .put("Tags", ctx.tags());
    t.deletionPolicy(APPLICATION_LOG_GROUP, "Delete");
    topic(t, ctx);
    Alarms.render(t, ctx, cluster, application, TOPIC);
    String dashboardName = ctx.names().dashboardName(ctx.region());
    t.resource(DASHBOARD, "AWS::CloudWatch::Dashboard")
        .put("DashboardName", dashboardName)
        .put("DashboardBody", Cfn.sub(Dashboard.body(ctx, cluster, application, bucket, flowLogs)))
        .put("Tags", ctx.tags());

    t.output(StackOutputs.DASHBOARD_NAME, Cfn.ref(DASHBOARD), "Dashboard name");
    t.output(StackOutputs.DASHBOARD_URL, Cfn.sub("https://${AWS::Region}.console.aws.amazon.com/cloudwatch/home?region="
        + "${AWS::Region}#dashboards:name=" + dashboardName), "Dashboard in the CloudWatch console");
    t.output(StackOutputs.ALARM_TOPIC_ARN, Cfn.ref(TOPIC), "SNS topic the alarms notify");
    t.output(StackOutputs.APPLICATION_LOG_GROUP, Cfn.ref(APPLICATION_LOG_GROUP), "Application log group");
    return StackTemplate.of(t);
  }

  private static void topic(TemplateBuilder t, RenderContext ctx) {
    // No KMS key: CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key.
    t.resource(TOPIC, "AWS::SNS::Topic")
        .put("TopicName", ctx.names().alarmTopicName())
        .put("DisplayName", "loadstress alarms")
        .put("Tags", ctx.tags());
    String alarms = "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*";
    t.resource("AlarmTopicPolicy", "AWS::SNS::TopicPolicy")
        .put("Topics", List.of(Cfn.ref(TOPIC)))
        .put("PolicyDocument", Iam.document(
            Props.of()
                .put("Sid", "AllowCloudWatchAlarms")
                .put("Effect", "Allow")
                .put("Principal", Props.of().put("Service", "cloudwatch.amazonaws.com"))
                .put("Action", "sns:Publish")
                .put("Resource", Cfn.ref(TOPIC))
                .put("Condition", Props.of()
                    .put("ArnLike", Props.of().put("aws:SourceArn", Cfn.sub(alarms)))
                    .put("StringEquals", Props.of().put("aws:SourceAccount", Cfn.ref("AWS::AccountId")))),
            Props.of()
                .put("Sid", "DenyInsecureTransport")
                .put("Effect", "Deny")
                .put("Principal", "*")
                .put("Action", "sns:Publish")
                .put("Resource", Cfn.ref(TOPIC))
                .put("Condition", Props.of().put("Bool", Props.of().put("aws:SecureTransport", "false")))));
    List<String> emails = ctx.env().monitoring().alarmEmails();
    for (int i = 0; i < emails.size(); i++) {
      t.resource("AlarmEmailSubscription" + (i + 1), "AWS::SNS::Subscription")
          .put("TopicArn", Cfn.ref(TOPIC))
          .put("Protocol", "email")
          .put("Endpoint", emails.get(i));
    }
  }
}
