package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.environment.sizing.SparkSettings;
import io.brighthive.loadstress.environment.sizing.WorkerGroup;
import java.util.List;

/**
 * The EMR stack: the job log group, a security group, a least-privilege job role (the data lake
 * bucket, the Glue catalog of this account and region, the job log group) and a SPARK application
 * in the private subnets with pre-initialized driver and executors, maximum capacity, auto-start,
 * auto-stop and CloudWatch logging. The source's application had no network configuration and
 * full mode asked for 32 vCPU / 128 GB executors, which EMR Serverless does not offer.
 */
final class EmrStack {
  static final String APPLICATION = "SparkApplication";
  private static final String LOG_GROUP = "EmrLogGroup";
  private static final String SECURITY_GROUP = "EmrSecurityGroup";
  private static final String JOB_ROLE = "EmrJobRole";
  private static final List<String> GLUE_ACTIONS = List.of(
      "glue:GetDatabase", "glue:GetDatabases", "glue:CreateDatabase",
      "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable",
      "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition", "glue:CreatePartition",
      "glue:BatchCreatePartition", "glue:GetUserDefinedFunctions");

  private EmrStack() {}

  static StackTemplate render(RenderContext ctx) {
    SparkSettings emr = ctx.env().emr();
    TemplateBuilder t = new TemplateBuilder("loadstress " + ctx.names().namespace() + "/" + ctx.names().name()
        + ": EMR Serverless " + emr.releaseLabel() + " with " + emr.executor().count() + " pre-initialized executors");
    String vpcId = t.parameter("VpcId", "AWS::EC2::VPC::Id", "VPC of the environment",
        new OutputRef(Component.VPC, StackOutputs.VPC_ID));
    String subnets = t.parameter("PrivateSubnetIds", "List<AWS::EC2::Subnet::Id>", "Private subnets the workers run in",
        new OutputRef(Component.VPC, StackOutputs.PRIVATE_SUBNET_IDS));
    String bucketArn = t.parameter("DataBucketArn", "String", "Data lake bucket the jobs read and write",
        new OutputRef(Component.DATA_LAKE, StackOutputs.BUCKET_ARN));

    // The log group lives here, where it is first needed, so the job role can be scoped to it.
    t.resource(LOG_GROUP, "AWS::Logs::LogGroup")
        .put("LogGroupName", ctx.names().logGroupName("emr-serverless"))
        .put("RetentionInDays", ctx.env().monitoring().logRetentionDays())
        .put("Tags", ctx.tags());
    t.deletionPolicy(LOG_GROUP, "Delete");
    t.resource(SECURITY_GROUP, "AWS::EC2::SecurityGroup")
        .put("GroupName", ctx.names().securityGroupName("emr"))
        .put("GroupDescription", "EMR Serverless workers: outbound only")
        .put("VpcId", Cfn.ref(vpcId))
        .put("SecurityGroupEgress", List.of(Props.of().put("IpProtocol", "-1").put("CidrIp", "0.0.0.0/0")
            .put("Description", "S3, Glue, Redshift and package downloads")))
        .put("Tags", ctx.tags(ctx.names().securityGroupName("emr")));
    jobRole(t, ctx, bucketArn);
    application(t, ctx, emr, subnets);

    t.output(StackOutputs.EMR_APPLICATION_ID, Cfn.getAtt(APPLICATION, "ApplicationId"), "EMR Serverless application id");
    t.output(StackOutputs.EMR_APPLICATION_ARN, Cfn.getAtt(APPLICATION, "Arn"), "EMR Serverless application ARN");
    t.output(StackOutputs.EMR_APPLICATION_NAME, ctx.names().emrApplicationName(), "EMR Serverless application name");
    t.output(StackOutputs.EMR_JOB_ROLE_ARN, Cfn.getAtt(JOB_ROLE, "Arn"), "Execution role for job runs");
    t.output(StackOutputs.EMR_LOG_GROUP, Cfn.ref(LOG_GROUP), "Log group of job runs");
    t.output(StackOutputs.EMR_SECURITY_GROUP_ID, Cfn.getAtt(SECURITY_GROUP, "GroupId"), "Security group of the workers");
    return StackTemplate.of(t);
  }

  private static void jobRole(TemplateBuilder t, RenderContext ctx, String bucketArn) {
    String glue = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:";
    Props policy = Iam.document(
        Iam.allow("ReadWriteDataLakeObjects",
            List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts"),
            Cfn.join("", Cfn.ref(bucketArn), "/*")),
        Iam.allow("ListDataLake", List.of("s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"),
            Cfn.ref(bucketArn)),
        Iam.allow("GlueCatalog", GLUE_ACTIONS,
            Cfn.sub(glue + "catalog"), Cfn.sub(glue + "database/*"), Cfn.sub(glue + "table/*/*"),
            Cfn.sub(glue + "userDefinedFunction/*/*")),
        Iam.allow("WriteJobLogs", List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
            Cfn.getAtt(LOG_GROUP, "Arn")),
        Iam.allow("FindLogGroup", List.of("logs:DescribeLogGroups"),
            Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*")));
    Iam.role(t, ctx, JOB_ROLE, ctx.names().roleName("emr-job", ctx.region()), Iam.trust("emr-serverless.amazonaws.com"),
        "Execution role of the environment's Spark jobs", policy);
  }

  private static void application(TemplateBuilder t, RenderContext ctx, SparkSettings emr, String subnets) {
    t.resource(APPLICATION, "AWS::EMRServerless::Application")
        .put("Name", ctx.names().emrApplicationName())
        .put("Type", "SPARK")
        .put("ReleaseLabel", emr.releaseLabel())
        .put("Architecture", "X86_64")
        .put("InitialCapacity", List.of(capacity("Driver", emr.driver()), capacity("Executor", emr.executor())))
        .put("MaximumCapacity", Props.of()
            .put("Cpu", emr.maximumCapacity().cpu() + "vCPU")
            .put("Memory", emr.maximumCapacity().memoryGb() + "GB")
            .put("Disk", emr.maximumCapacity().diskGb() + "GB"))
        // Pre-initialized capacity is billed while the application is started: start on the first
        // job, stop when idle.
        .put("AutoStartConfiguration", Props.of().put("Enabled", true))
        .put("AutoStopConfiguration", Props.of().put("Enabled", true).put("IdleTimeoutMinutes", emr.idleTimeoutMinutes()))
        .put("NetworkConfiguration", Props.of()
            .put("SubnetIds", Cfn.ref(subnets))
            .put("SecurityGroupIds", List.of(Cfn.getAtt(SECURITY_GROUP, "GroupId"))))
        .put("MonitoringConfiguration", Props.of().put("CloudWatchLoggingConfiguration", Props.of()
            .put("Enabled", true)
            .put("LogGroupName", Cfn.ref(LOG_GROUP))
            .put("LogStreamNamePrefix", "spark")
            .put("LogTypeMap", List.of(
                Props.of().put("Key", "SPARK_DRIVER").put("Value", List.of("STDOUT", "STDERR")),
                Props.of().put("Key", "SPARK_EXECUTOR").put("Value", List.of("STDERR"))))))
        .put("Tags", ctx.tags());
    t.dependsOn(APPLICATION, JOB_ROLE);
  }

  private static Props capacity(String workerType, WorkerGroup workers) {
    return Props.of().put("Key", workerType).put("Value", Props.of()
        .put("WorkerCount", workers.count())
        .put("WorkerConfiguration", Props.of()
            .put("Cpu", workers.cpu() + "vCPU")
            .put("Memory", workers.memoryGb() + "GB")
            .put("Disk", workers.diskGb() + "GB")));
  }
}
