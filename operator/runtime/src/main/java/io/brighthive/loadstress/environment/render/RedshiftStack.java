package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.environment.sizing.WarehouseSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redshift stack: security group (5439 from the VPC only), subnet group on the private
 * subnets, parameter group with the WLM queues and their query monitoring rules, require_ssl and
 * user activity logging, an IAM role that may read the data lake for COPY, the audit log groups,
 * and the cluster: not public, encrypted, enhanced VPC routing, one day of automated snapshots,
 * audit logs to CloudWatch, and a master password generated and kept by Secrets Manager
 * (ManageMasterPassword), so no password is in the spec, the template or the parameters.
 */
final class RedshiftStack {
  static final int PORT = 5439;
  static final List<String> AUDIT_LOGS = List.of("connectionlog", "userlog", "useractivitylog");
  private static final String CLUSTER = "Cluster";
  private static final String SECURITY_GROUP = "RedshiftSecurityGroup";
  private static final String SUBNET_GROUP = "ClusterSubnetGroup";
  private static final String PARAMETER_GROUP = "ClusterParameterGroup";
  private static final String COPY_ROLE = "CopyRole";

  private RedshiftStack() {}

  static StackTemplate render(RenderContext ctx) {
    WarehouseSettings rs = ctx.env().redshift();
    TemplateBuilder t = new TemplateBuilder("loadstress " + ctx.names().namespace() + "/" + ctx.names().name()
        + ": Redshift " + rs.clusterType() + " cluster of " + rs.nodes() + " x " + rs.nodeType().awsName());
    String vpcId = t.parameter("VpcId", "AWS::EC2::VPC::Id", "VPC of the environment",
        new OutputRef(Component.VPC, StackOutputs.VPC_ID));
    String vpcCidr = t.parameter("VpcCidr", "String", "CIDR of the VPC, the only source allowed to port 5439",
        new OutputRef(Component.VPC, StackOutputs.VPC_CIDR));
    String subnets = t.parameter("PrivateSubnetIds", "List<AWS::EC2::Subnet::Id>", "Private subnets of the cluster",
        new OutputRef(Component.VPC, StackOutputs.PRIVATE_SUBNET_IDS));
    String bucketArn = t.parameter("DataBucketArn", "String", "Data lake bucket that COPY reads",
        new OutputRef(Component.DATA_LAKE, StackOutputs.BUCKET_ARN));

    t.resource(SECURITY_GROUP, "AWS::EC2::SecurityGroup")
        .put("GroupName", ctx.names().securityGroupName("redshift"))
        .put("GroupDescription", "Redshift: port " + PORT + " from the VPC only")
        .put("VpcId", Cfn.ref(vpcId))
        .put("SecurityGroupIngress", List.of(Props.of().put("IpProtocol", "tcp").put("FromPort", PORT)
            .put("ToPort", PORT).put("CidrIp", Cfn.ref(vpcCidr)).put("Description", "Redshift from the VPC")))
        .put("SecurityGroupEgress", List.of(Props.of().put("IpProtocol", "-1").put("CidrIp", "0.0.0.0/0")
            .put("Description", "All outbound")))
        .put("Tags", ctx.tags(ctx.names().securityGroupName("redshift")));
    t.resource(SUBNET_GROUP, "AWS::Redshift::ClusterSubnetGroup")
        .put("Description", "Private subnets of " + ctx.names().redshiftClusterId())
        .put("SubnetIds", Cfn.ref(subnets))
        .put("Tags", ctx.tags());
    t.resource(PARAMETER_GROUP, "AWS::Redshift::ClusterParameterGroup")
        .put("ParameterGroupName", ctx.names().redshiftParameterGroup())
        .put("Description", "WLM queues and query monitoring rules of " + ctx.names().redshiftClusterId())
        .put("ParameterGroupFamily", "redshift-1.0")
        .put("Parameters", List.of(
            parameter("wlm_json_configuration", WlmConfiguration.json()),
            parameter("enable_user_activity_logging", "true"),
            parameter("require_ssl", "true"),
            parameter("max_concurrency_scaling_clusters", "1")))
        .put("Tags", ctx.tags());
    Iam.role(t, ctx, COPY_ROLE, ctx.names().roleName("redshift-copy", ctx.region()), Iam.trust("redshift.amazonaws.com"),
        "Lets Redshift COPY read the data lake", Iam.document(
            Iam.allow("ReadObjects", List.of("s3:GetObject"), Cfn.join("", Cfn.ref(bucketArn), "/*")),
            Iam.allow("ListBucket", List.of("s3:ListBucket", "s3:GetBucketLocation"), Cfn.ref(bucketArn))));
    List<String> logGroups = auditLogGroups(t, ctx);
    cluster(t, ctx, rs);
    t.dependsOn(CLUSTER, logGroups.toArray(String[]::new));

    t.output(StackOutputs.REDSHIFT_CLUSTER_ID, Cfn.ref(CLUSTER), "Cluster identifier");
    t.output(StackOutputs.REDSHIFT_ENDPOINT_ADDRESS, Cfn.getAtt(CLUSTER, "Endpoint.Address"), "Cluster endpoint address");
    t.output(StackOutputs.REDSHIFT_ENDPOINT_PORT, Cfn.getAtt(CLUSTER, "Endpoint.Port"), "Cluster endpoint port");
    t.output(StackOutputs.REDSHIFT_DATABASE, rs.database(), "Database name");
    t.output(StackOutputs.REDSHIFT_MASTER_USER, rs.masterUser(), "Master user name");
    t.output(StackOutputs.REDSHIFT_SECRET_ARN, Cfn.getAtt(CLUSTER, "MasterPasswordSecretArn"),
        "ARN of the Secrets Manager secret Redshift keeps the admin credentials in");
    t.output(StackOutputs.REDSHIFT_PARAMETER_GROUP, Cfn.ref(PARAMETER_GROUP), "Parameter group name");
    t.output(StackOutputs.REDSHIFT_COPY_ROLE_ARN, Cfn.getAtt(COPY_ROLE, "Arn"), "Role for COPY from the data lake");
    t.output(StackOutputs.REDSHIFT_SECURITY_GROUP_ID, Cfn.getAtt(SECURITY_GROUP, "GroupId"), "Cluster security group");
    return StackTemplate.of(t);
  }

  /**
   * Redshift creates its audit log groups itself, without retention, when they do not exist;
   * creating them here first, under the names Redshift uses, gives them the configured retention
   * and deletes them with the stack.
   */
  private static List<String> auditLogGroups(TemplateBuilder t, RenderContext ctx) {
    List<String> ids = new ArrayList<>();
    for (String logType : AUDIT_LOGS) {
      String id = "AuditLogGroup" + Character.toUpperCase(logType.charAt(0)) + logType.substring(1);
      t.resource(id, "AWS::Logs::LogGroup")
          .put("LogGroupName", ctx.names().redshiftAuditLogGroup(logType))
          .put("RetentionInDays", ctx.env().monitoring().logRetentionDays())
          .put("Tags", ctx.tags());
      t.deletionPolicy(id, "Delete");
      ids.add(id);
    }
    return ids;
  }

  private static void cluster(TemplateBuilder t, RenderContext ctx, WarehouseSettings rs) {
    t.resource(CLUSTER, "AWS::Redshift::Cluster")
        .put("ClusterIdentifier", ctx.names().redshiftClusterId())
        .put("ClusterType", rs.clusterType())
        // CreateCluster needs NumberOfNodes only for multi-node; single-node clusters leave it out.
        .putIf(!rs.singleNode(), "NumberOfNodes", rs.nodes())
        .put("NodeType", rs.nodeType().awsName())
        .put("DBName", rs.database())
        .put("MasterUsername", rs.masterUser())
        .put("ManageMasterPassword", true)
        .put("Port", PORT)
        .put("ClusterSubnetGroupName", Cfn.ref(SUBNET_GROUP))
        .put("ClusterParameterGroupName", Cfn.ref(PARAMETER_GROUP))
        .put("VpcSecurityGroupIds", List.of(Cfn.getAtt(SECURITY_GROUP, "GroupId")))
        .put("PubliclyAccessible", false)
        .put("Encrypted", true)
        .put("EnhancedVpcRouting", true)
        .put("AutomatedSnapshotRetentionPeriod", 1)
        .put("IamRoles", List.of(Cfn.getAtt(COPY_ROLE, "Arn")))
        .put("LoggingProperties", Props.of().put("LogDestinationType", "cloudwatch").put("LogExports", AUDIT_LOGS))
        .put("Tags", ctx.tags());
    // Retain keeps the data as a final snapshot; the cluster itself is always removed.
    t.deletionPolicy(CLUSTER, rs.deletionPolicy() == DeletionPolicy.Retain ? "Snapshot" : "Delete");
  }

  private static Props parameter(String name, String value) {
    return Props.of().put("ParameterName", name).put("ParameterValue", value);
  }
}
