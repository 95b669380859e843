package io.brighthive.loadstress.awsfake.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.cloudformation.ProvisionedResource;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * AWS::Redshift::Cluster in stacks: the cluster (identifier = physical id, endpoint = the stack's
 * {@code Endpoint.Address}) is available from its CREATE_COMPLETE on. Stack deletion asks Redshift to delete it
 * (DeletionPolicy Snapshot: with a final snapshot named {@code <stack>-snapshot-<logicalid>-<suffix>}), and fails
 * with Redshift's InvalidClusterState message, wrapped as CloudFormation's resource handlers report errors, while the
 * cluster is paused or busy.
 */
final class ClusterStackHook implements ResourceHook {

  private final FakeRedshift redshift;

  ClusterStackHook(FakeRedshift redshift) {
    this.redshift = redshift;
  }

  @Override
  public String createFailure(ProvisionedResource resource) {
    return redshift.locked(() -> redshift.state().find(resource.physicalId()).isPresent()
        ? handlerMessage("Cluster already exists", "AlreadyExists", resource) : null);
  }

  @Override
  public void created(ProvisionedResource resource) {
    Cluster cluster = redshift.locked(() -> new Cluster(resource.physicalId(), redshift.state().now(),
        resource.region()));
    cluster.nodeType = resource.text("NodeType", cluster.nodeType);
    cluster.numberOfNodes = "single-node".equals(resource.text("ClusterType", "single-node")) ? 1
        : resource.integer("NumberOfNodes", 2);
    cluster.dbName = resource.text("DBName", cluster.dbName);
    cluster.masterUsername = resource.text("MasterUsername", cluster.masterUsername);
    cluster.port = resource.integer("Port", 5439);
    String address = resource.attribute("Endpoint.Address");
    if (address != null) {
      cluster.endpointAddress = address;
    }
    cluster.encrypted = resource.bool("Encrypted", false);
    cluster.publiclyAccessible = resource.bool("PubliclyAccessible", false);
    cluster.enhancedVpcRouting = resource.bool("EnhancedVpcRouting", false);
    cluster.automatedSnapshotRetention = resource.integer("AutomatedSnapshotRetentionPeriod", 1);
    cluster.subnetGroup = resource.text("ClusterSubnetGroupName", cluster.subnetGroup);
    cluster.parameterGroup = resource.text("ClusterParameterGroupName", cluster.parameterGroup);
    cluster.vpcSecurityGroupIds = texts(resource.node("VpcSecurityGroupIds"));
    cluster.iamRoles = texts(resource.node("IamRoles"));
    cluster.tags.putAll(resource.tags());
    if (resource.bool("ManageMasterPassword", false)) {
      cluster.secretArn = resource.attribute("MasterPasswordSecretArn");
    }
    redshift.locked(() -> {
      redshift.state().clusters.put(cluster.id, cluster);
      return null;
    });
  }

  @Override
  public String deleted(ProvisionedResource resource, Deletion deletion) {
    return redshift.locked(() -> {
      Cluster cluster = redshift.state().find(resource.physicalId()).orElse(null);
      if (cluster == null) {
        return null;
      }
      if (deletion != Deletion.FORCE) {
        try {
          RedshiftState.requireDeletable(cluster);
        } catch (AwsError e) {
          return handlerMessage(e.getMessage(), "InvalidRequest", resource);
        }
      }
      String snapshot = deletion == Deletion.SNAPSHOT ? (resource.stackName() + "-snapshot-" + resource.logicalId()
          + "-" + suffix(resource.stackId(), 12)).toLowerCase(Locale.ROOT) : null;
      redshift.state().removeNow(cluster, snapshot);
      return null;
    });
  }

  private static String handlerMessage(String message, String code, ProvisionedResource resource) {
    String seed = resource.stackId() + resource.logicalId() + message;
    return "Resource handler returned message: \"" + message + " (Service: Redshift, Status Code: 400, Request ID: "
        + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)) + ")\" (RequestToken: "
        + UUID.nameUUIDFromBytes((seed + "token").getBytes(StandardCharsets.UTF_8)) + ", HandlerErrorCode: "
        + code + ")";
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static String suffix(String seed, int length) {
    String digits = new BigInteger(1, seed.getBytes(StandardCharsets.UTF_8)).toString(36);
    return digits.substring(Math.max(0, digits.length() - length));
  }
}
