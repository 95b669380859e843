package io.brighthive.loadstress.environment.render;

/** Output keys of the five stacks, for wiring later stacks and for the environment's status. */
public final class StackOutputs {
  public static final String VPC_ID = "VpcId";
  public static final String VPC_CIDR = "VpcCidr";
  public static final String PRIVATE_SUBNET_IDS = "PrivateSubnetIds";
  public static final String PUBLIC_SUBNET_IDS = "PublicSubnetIds";
  public static final String DEFAULT_SECURITY_GROUP_ID = "DefaultSecurityGroupId";
  public static final String FLOW_LOG_GROUP = "FlowLogGroupName";

  public static final String BUCKET_NAME = "BucketName";
  public static final String BUCKET_ARN = "BucketArn";

  public static final String REDSHIFT_CLUSTER_ID = "RedshiftClusterId";
  public static final String REDSHIFT_ENDPOINT_ADDRESS = "RedshiftEndpointAddress";
  public static final String REDSHIFT_ENDPOINT_PORT = "RedshiftEndpointPort";
  public static final String REDSHIFT_DATABASE = "RedshiftDatabaseName";
  public static final String REDSHIFT_MASTER_USER = "RedshiftMasterUsername";
  /** ARN of the Secrets Manager secret that Redshift keeps the admin credentials in (never its value). */
  public static final String REDSHIFT_SECRET_ARN = "RedshiftAdminSecretArn";
  public static final String REDSHIFT_PARAMETER_GROUP = "RedshiftParameterGroupName";
  public static final String REDSHIFT_COPY_ROLE_ARN = "RedshiftCopyRoleArn";
  public static final String REDSHIFT_SECURITY_GROUP_ID = "RedshiftSecurityGroupId";

  public static final String EMR_APPLICATION_ID = "EmrApplicationId";
  public static final String EMR_APPLICATION_ARN = "EmrApplicationArn";
  public static final String EMR_APPLICATION_NAME = "EmrApplicationName";
  public static final String EMR_JOB_ROLE_ARN = "EmrJobRoleArn";
  public static final String EMR_LOG_GROUP = "EmrLogGroupName";
  public static final String EMR_SECURITY_GROUP_ID = "EmrSecurityGroupId";

  public static final String DASHBOARD_NAME = "DashboardName";
  public static final String DASHBOARD_URL = "DashboardUrl";
  public static final String ALARM_TOPIC_ARN = "AlarmTopicArn";
  public static final String APPLICATION_LOG_GROUP = "ApplicationLogGroupName";

  private StackOutputs() {}
}
