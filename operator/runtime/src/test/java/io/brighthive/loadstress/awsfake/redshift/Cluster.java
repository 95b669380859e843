package io.brighthive.loadstress.awsfake.redshift;

import io.brighthive.loadstress.awsfake.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One provisioned cluster. Mutated under the fake's lock. */
final class Cluster {

  final String id;
  final Instant created;
  String nodeType = "ra3.xlplus";
  int numberOfNodes = 1;
  String dbName = "dev";
  String masterUsername = "awsuser";
  int port = 5439;
  String endpointAddress;
  String status = "available";
  boolean encrypted;
  boolean publiclyAccessible;
  boolean enhancedVpcRouting;
  int automatedSnapshotRetention = 1;
  String subnetGroup = "default";
  String parameterGroup = "default.redshift-1.0";
  String secretArn;
  List<String> vpcSecurityGroupIds = List.of();
  List<String> iamRoles = List.of();
  Map<String, String> tags = new LinkedHashMap<>();

  Cluster(String id, Instant created, String region) {
    this.id = id;
    this.created = created;
    this.endpointAddress = id + ".cfakeredshift0." + region + ".redshift.amazonaws.com";
  }

  /**
   * What DescribeClusters reports as ClusterAvailabilityStatus (its documented values: Available, Unavailable,
   * Maintenance, Modifying, Failed): queries run only on an available cluster.
   */
  String availability() {
    return switch (status) {
      case "available" -> "Available";
      case "pausing", "resuming", "modifying" -> "Modifying";
      default -> "Unavailable";
    };
  }

  void write(XmlWriter out, String region, String account) {
    out.leaf("ClusterIdentifier", id).leaf("NodeType", nodeType).leaf("ClusterStatus", status)
        .leaf("ClusterAvailabilityStatus", availability()).leaf("MasterUsername", masterUsername)
        .leaf("DBName", dbName);
    if (!status.equals("creating")) {
      out.start("Endpoint").leaf("Address", endpointAddress).leaf("Port", port).end();
    }
    out.leaf("ClusterCreateTime", created).leaf("AutomatedSnapshotRetentionPeriod", automatedSnapshotRetention)
        .leaf("ManualSnapshotRetentionPeriod", -1)
        .start("VpcSecurityGroups");
    vpcSecurityGroupIds.forEach(sg -> out.start("VpcSecurityGroup").leaf("VpcSecurityGroupId", sg)
        .leaf("Status", "active").end());
    out.end().start("ClusterParameterGroups").start("ClusterParameterGroup")
        .leaf("ParameterGroupName", parameterGroup).leaf("ParameterApplyStatus", "in-sync").end().end()
        .leaf("ClusterSubnetGroupName", subnetGroup).leaf("AvailabilityZone", region + "a")
        .leaf("ClusterVersion", "1.0").leaf("AllowVersionUpgrade", true).leaf("NumberOfNodes", numberOfNodes)
        .leaf("PubliclyAccessible", publiclyAccessible).leaf("Encrypted", encrypted)
        .start("Tags");
    tags.forEach((k, v) -> out.start("Tag").leaf("Key", k).leaf("Value", v).end());
    out.end().leaf("EnhancedVpcRouting", enhancedVpcRouting).start("IamRoles");
    iamRoles.forEach(role -> out.start("ClusterIamRole").leaf("IamRoleArn", role).leaf("ApplyStatus", "in-sync")
        .end());
    out.end().leaf("MaintenanceTrackName", "current")
        .leaf("ClusterNamespaceArn", "arn:aws:redshift:" + region + ":" + account + ":namespace:"
            + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)))
        .leaf("MasterPasswordSecretArn", secretArn);
  }
}
