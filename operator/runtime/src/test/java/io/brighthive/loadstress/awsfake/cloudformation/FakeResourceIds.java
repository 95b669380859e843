package io.brighthive.loadstress.awsfake.cloudformation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Plausible, deterministic physical ids and attribute values for template resources: the same stack name and
 * logical id always give the same id, so a test can predict them.
 */
final class FakeResourceIds {

  /** The property whose value a resource's Ref returns (or builds its ARN from), when the template sets it. */
  private static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
      Map.entry("AWS::S3::Bucket", "BucketName"),
      Map.entry("AWS::Redshift::Cluster", "ClusterIdentifier"),
      Map.entry("AWS::Redshift::ClusterParameterGroup", "ParameterGroupName"),
      Map.entry("AWS::IAM::Role", "RoleName"),
      Map.entry("AWS::IAM::User", "UserName"),
      Map.entry("AWS::IAM::Group", "GroupName"),
      Map.entry("AWS::IAM::InstanceProfile", "InstanceProfileName"),
      Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
      Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
      Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
      Map.entry("AWS::CloudWatch::Dashboard", "DashboardName"),
      Map.entry("AWS::SNS::Topic", "TopicName"),
      Map.entry("AWS::SecretsManager::Secret", "Name"),
      Map.entry("AWS::Lambda::Function", "FunctionName"),
      Map.entry("AWS::SQS::Queue", "QueueName"));

  private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
      Map.entry("AWS::EC2::VPC", "vpc-"),
      Map.entry("AWS::EC2::Subnet", "subnet-"),
      Map.entry("AWS::EC2::SecurityGroup", "sg-"),
      Map.entry("AWS::EC2::InternetGateway", "igw-"),
      Map.entry("AWS::EC2::NatGateway", "nat-"),
      Map.entry("AWS::EC2::RouteTable", "rtb-"),
      Map.entry("AWS::EC2::SubnetRouteTableAssociation", "rtbassoc-"),
      Map.entry("AWS::EC2::FlowLog", "fl-"),
      Map.entry("AWS::EC2::NetworkAcl", "acl-"),
      Map.entry("AWS::EC2::VPCEndpoint", "vpce-"),
      Map.entry("AWS::KMS::Key", ""));

  private static final Map<String, String> LOWER_CASE_TYPES = Map.of(
      "AWS::S3::Bucket", "", "AWS::Redshift::Cluster", "", "AWS::Redshift::ClusterSubnetGroup", "",
      "AWS::Redshift::ClusterParameterGroup", "");

  private FakeResourceIds() {
  }

  static String nameProperty(String type) {
    return NAME_PROPERTIES.get(type);
  }

  /** The value of {@code Ref} for the resource; {@code explicitName} is the evaluated name property, or null. */
  static String physicalId(String type, String stackName, String logicalId, String explicitName, String region,
      String account) {
    String seed = stackName + "/" + logicalId;
    String name = explicitName != null ? explicitName : generatedName(type, stackName, logicalId, seed);
    if (ID_PREFIXES.containsKey(type)) {
      return type.equals("AWS::KMS::Key") ? uuid(seed) : ID_PREFIXES.get(type) + hash(seed).substring(0, 17);
    }
    return switch (type) {
      case "AWS::EC2::EIP" -> "203.0.113." + (Integer.parseInt(hash(seed).substring(0, 2), 16) % 250 + 1);
      case "AWS::EMRServerless::Application" -> "00" + base36(seed, 14);
      case "AWS::SNS::Topic" -> "arn:aws:sns:" + region + ":" + account + ":" + name;
      case "AWS::SNS::Subscription" -> "arn:aws:sns:" + region + ":" + account + ":" + name + ":" + uuid(seed);
      case "AWS::IAM::ManagedPolicy" -> "arn:aws:iam::" + account + ":policy/" + name;
      case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name
          + "-" + base36(seed, 6);
      case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
      default -> name;
    };
  }

  /** The value of {@code Fn::GetAtt [logicalId, attribute]}; {@code property} reads the resource's evaluated properties. */
  static String attribute(String type, String logicalId, String physicalId, String attribute, String region,
      String account, Function<String, String> property) {
    String seed = physicalId + "/" + attribute;
    return switch (attribute) {
      case "Arn" -> arn(type, physicalId, region, account);
      case "ApplicationId", "GroupId", "SubnetId", "Id", "Name", "PublicIp", "VpcEndpointId" -> physicalId;
      case "Endpoint.Address" -> physicalId + "." + base36(physicalId, 12) + "." + region + ".redshift.amazonaws.com";
      case "Endpoint.Port" -> orElse(property.apply("Port"), "5439");
      case "MasterPasswordSecretArn" -> "arn:aws:secretsmanager:" + region + ":" + account + ":secret:redshift!"
          + physicalId + "-" + orElse(property.apply("MasterUsername"), "admin") + "-" + base36(seed, 6);
      case "DomainName" -> physicalId + ".s3.amazonaws.com";
      case "RegionalDomainName" -> physicalId + ".s3." + region + ".amazonaws.com";
      case "WebsiteURL" -> "http://" + physicalId + ".s3-website-" + region + ".amazonaws.com";
      case "CidrBlock" -> orElse(property.apply("CidrBlock"), "10.0.0.0/16");
      case "VpcId" -> orElse(property.apply("VpcId"), "vpc-" + hash(seed).substring(0, 17));
      case "AvailabilityZone" -> orElse(property.apply("AvailabilityZone"), region + "a");
      case "DefaultSecurityGroup" -> "sg-" + hash(seed).substring(0, 17);
      case "DefaultNetworkAcl" -> "acl-" + hash(seed).substring(0, 17);
      case "AllocationId" -> "eipalloc-" + hash(seed).substring(0, 17);
      case "RoleId" -> "AROA" + base36(seed, 17).toUpperCase(Locale.ROOT);
      case "TopicName" -> physicalId.substring(physicalId.lastIndexOf(':') + 1);
      case "KeyId" -> physicalId;
      default -> "fake-" + logicalId + "-" + attribute;
    };
  }

  private static String arn(String type, String id, String region, String account) {
    if (id.startsWith("arn:")) {
      return id;
    }
    return switch (type) {
      case "AWS::S3::Bucket" -> "arn:aws:s3:::" + id;
      case "AWS::IAM::Role" -> "arn:aws:iam::" + account + ":role/" + id;
      case "AWS::IAM::User" -> "arn:aws:iam::" + account + ":user/" + id;
      case "AWS::IAM::Group" -> "arn:aws:iam::" + account + ":group/" + id;
      case "AWS::IAM::InstanceProfile" -> "arn:aws:iam::" + account + ":instance-profile/" + id;
      case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + id + ":*";
      case "AWS::EMRServerless::Application" -> "arn:aws:emr-serverless:" + region + ":" + account
          + ":/applications/" + id;
      case "AWS::Redshift::Cluster" -> "arn:aws:redshift:" + region + ":" + account + ":cluster:" + id;
      case "AWS::CloudWatch::Alarm" -> "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + id;
      case "AWS::KMS::Key" -> "arn:aws:kms:" + region + ":" + account + ":key/" + id;
      case "AWS::Lambda::Function" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + id;
      default -> {
        String[] parts = type.split("::");
        String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "fake";
        String resource = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
        yield "arn:aws:" + service + ":" + region + ":" + account + ":" + resource + "/" + id;
      }
    };
  }

  private static String generatedName(String type, String stackName, String logicalId, String seed) {
    String suffix = base36(seed, 12).toUpperCase(Locale.ROOT);
    String head = stackName + "-" + logicalId;
    if (head.length() > 50) {
      head = head.substring(0, 50);
    }
    String name = head + "-" + suffix;
    return LOWER_CASE_TYPES.containsKey(type) ? name.toLowerCase(Locale.ROOT) : name;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  static String hash(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base36(String seed, int length) {
    String digits = new java.math.BigInteger(1, HexFormat.of().parseHex(hash(seed))).toString(36);
    return digits.substring(0, Math.min(length, digits.length()));
  }

  private static String uuid(String seed) {
    String h = hash(seed);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
        + h.substring(20, 32);
  }
}
