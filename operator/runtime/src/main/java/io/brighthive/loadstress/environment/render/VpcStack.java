package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.environment.sizing.NetworkSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The VPC stack: a public /28 and a private /24 per zone, an internet gateway, NAT gateways with
 * Elastic IPs, one route table per subnet (as the source laid them out), an S3 gateway endpoint,
 * and a flow log of all traffic to a log group of this stack.
 */
final class VpcStack {
  private static final String VPC = "Vpc";
  private static final String GATEWAY = "InternetGateway";
  private static final String ATTACHMENT = "InternetGatewayAttachment";
  private static final String FLOW_LOG_GROUP = "FlowLogGroup";
  private static final String FLOW_LOG_ROLE = "FlowLogRole";
  private static final String ANY = "0.0.0.0/0";

  private VpcStack() {}

  static StackTemplate render(RenderContext ctx) {
    NetworkSettings net = ctx.env().network();
    TemplateBuilder t = new TemplateBuilder("loadstress " + ctx.names().namespace() + "/" + ctx.names().name()
        + ": VPC " + net.cidr() + " over " + net.maxAzs() + " zones with " + net.natGateways() + " NAT gateway(s)");
    String prefix = ctx.names().stackName(ctx.component().id());
    t.resource(VPC, "AWS::EC2::VPC")
        .put("CidrBlock", net.cidr().toString())
        .put("EnableDnsHostnames", true)
        .put("EnableDnsSupport", true)
        .put("Tags", ctx.tags(prefix));
    t.resource(GATEWAY, "AWS::EC2::InternetGateway").put("Tags", ctx.tags(prefix + "-igw"));
    t.resource(ATTACHMENT, "AWS::EC2::VPCGatewayAttachment")
        .put("VpcId", Cfn.ref(VPC))
        .put("InternetGatewayId", Cfn.ref(GATEWAY));
    List<Object> privateSubnets = new ArrayList<>();
    List<Object> publicSubnets = new ArrayList<>();
    List<Object> privateRouteTables = new ArrayList<>();
    for (int zone = 0; zone < net.maxAzs(); zone++) {
      publicSubnets.add(Cfn.ref(publicZone(t, ctx, zone, prefix)));
      String table = "PrivateRouteTable" + (zone + 1);
      privateSubnets.add(Cfn.ref(privateZone(t, ctx, zone, prefix, table)));
      privateRouteTables.add(Cfn.ref(table));
    }
    for (int nat = 0; nat < net.natGateways(); nat++) {
      natGateway(t, ctx, nat, prefix);
    }
    // Free, and keeps S3 traffic (EMR output, Redshift COPY with enhanced VPC routing) off the NAT.
    t.resource("S3GatewayEndpoint", "AWS::EC2::VPCEndpoint")
        .put("VpcId", Cfn.ref(VPC))
        .put("ServiceName", Cfn.sub("com.amazonaws.${AWS::Region}.s3"))
        .put("VpcEndpointType", "Gateway")
        .put("RouteTableIds", privateRouteTables)
        .put("Tags", ctx.tags(prefix + "-s3"));
    flowLog(t, ctx);
    t.output(StackOutputs.VPC_ID, Cfn.ref(VPC), "VPC id");
    t.output(StackOutputs.VPC_CIDR, Cfn.getAtt(VPC, "CidrBlock"), "VPC IPv4 CIDR");
    t.output(StackOutputs.PRIVATE_SUBNET_IDS, Cfn.join(",", privateSubnets.toArray()), "Private subnet ids, comma-separated");
    t.output(StackOutputs.PUBLIC_SUBNET_IDS, Cfn.join(",", publicSubnets.toArray()), "Public subnet ids, comma-separated");
    t.output(StackOutputs.DEFAULT_SECURITY_GROUP_ID, Cfn.getAtt(VPC, "DefaultSecurityGroup"),
        "Default security group: no resource here uses it, and CloudFormation cannot remove its rules");
    t.output(StackOutputs.FLOW_LOG_GROUP, Cfn.ref(FLOW_LOG_GROUP), "Log group of the VPC flow log");
    return StackTemplate.of(t);
  }

  private static String publicZone(TemplateBuilder t, RenderContext ctx, int zone, String prefix) {
    String n = String.valueOf(zone + 1);
    String subnet = "PublicSubnet" + n;
    String table = "PublicRouteTable" + n;
    t.resource(subnet, "AWS::EC2::Subnet")
        .put("VpcId", Cfn.ref(VPC))
        .put("CidrBlock", ctx.env().network().publicSubnets().get(zone).toString())
        .put("AvailabilityZone", Cfn.availabilityZone(zone))
        .put("MapPublicIpOnLaunch", true)
        .put("Tags", ctx.tags(prefix + "-public-" + n));
    t.resource(table, "AWS::EC2::RouteTable").put("VpcId", Cfn.ref(VPC)).put("Tags", ctx.tags(prefix + "-public-" + n));
    t.resource("PublicDefaultRoute" + n, "AWS::EC2::Route")
        .put("RouteTableId", Cfn.ref(table))
        .put("DestinationCidrBlock", ANY)
        .put("GatewayId", Cfn.ref(GATEWAY));
    t.dependsOn("PublicDefaultRoute" + n, ATTACHMENT);
    associate(t, "PublicSubnetRouteTableAssociation" + n, subnet, table);
    return subnet;
  }

  private static String privateZone(TemplateBuilder t, RenderContext ctx, int zone, String prefix, String table) {
    String n = String.valueOf(zone + 1);
    String subnet = "PrivateSubnet" + n;
    t.resource(subnet, "AWS::EC2::Subnet")
        .put("VpcId", Cfn.ref(VPC))
        .put("CidrBlock", ctx.env().network().privateSubnets().get(zone).toString())
        .put("AvailabilityZone", Cfn.availabilityZone(zone))
        .put("MapPublicIpOnLaunch", false)
        .put("Tags", ctx.tags(prefix + "-private-" + n));
    t.resource(table, "AWS::EC2::RouteTable").put("VpcId", Cfn.ref(VPC)).put("Tags", ctx.tags(prefix + "-private-" + n));
    int nats = ctx.env().network().natGateways();
    if (nats > 0) {
      // The NAT gateway in the same zone, or the first one when there are fewer than zones.
      int nat = zone < nats ? zone + 1 : 1;
      t.resource("PrivateDefaultRoute" + n, "AWS::EC2::Route")
          .put("RouteTableId", Cfn.ref(table))
          .put("DestinationCidrBlock", ANY)
          .put("NatGatewayId", Cfn.ref("NatGateway" + nat));
    }
    associate(t, "PrivateSubnetRouteTableAssociation" + n, subnet, table);
    return subnet;
  }

  private static void natGateway(TemplateBuilder t, RenderContext ctx, int index, String prefix) {
    String n = String.valueOf(index + 1);
    t.resource("NatEip" + n, "AWS::EC2::EIP").put("Domain", "vpc").put("Tags", ctx.tags(prefix + "-nat-" + n));
    t.dependsOn("NatEip" + n, ATTACHMENT);
    t.resource("NatGateway" + n, "AWS::EC2::NatGateway")
        .put("AllocationId", Cfn.getAtt("NatEip" + n, "AllocationId"))
        .put("SubnetId", Cfn.ref("PublicSubnet" + n))
        .put("Tags", ctx.tags(prefix + "-nat-" + n));
  }

  private static void associate(TemplateBuilder t, String logicalId, String subnet, String table) {
    t.resource(logicalId, "AWS::EC2::SubnetRouteTableAssociation")
        .put("SubnetId", Cfn.ref(subnet))
        .put("RouteTableId", Cfn.ref(table));
  }

  private static void flowLog(TemplateBuilder t, RenderContext ctx) {
    t.resource(FLOW_LOG_GROUP, "AWS::Logs::LogGroup")
        .put("LogGroupName", ctx.names().logGroupName("vpc-flow-logs"))
        .put("RetentionInDays", ctx.env().monitoring().logRetentionDays())
        .put("Tags", ctx.tags());
    t.deletionPolicy(FLOW_LOG_GROUP, "Delete");
    Props trust = Iam.document(Props.of()
        .put("Effect", "Allow")
        .put("Principal", Props.of().put("Service", "vpc-flow-logs.amazonaws.com"))
        .put("Action", "sts:AssumeRole")
        .put("Condition", Props.of()
            .put("StringEquals", Props.of().put("aws:SourceAccount", Cfn.ref("AWS::AccountId")))
            .put("ArnLike", Props.of().put("aws:SourceArn",
                Cfn.sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc-flow-log/*")))));
    Props policy = Iam.document(
        Iam.allow("WriteFlowLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            Cfn.getAtt(FLOW_LOG_GROUP, "Arn")),
        Iam.allow("FindLogGroup", List.of("logs:DescribeLogGroups"),
            Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*")));
    Iam.role(t, ctx, FLOW_LOG_ROLE, ctx.names().roleName("flow-logs", ctx.region()), trust,
        "Delivers the VPC flow log to CloudWatch Logs", policy);
    t.resource("FlowLog", "AWS::EC2::FlowLog")
        .put("ResourceType", "VPC")
        .put("ResourceId", Cfn.ref(VPC))
        .put("TrafficType", "ALL")
        .put("LogDestinationType", "cloud-watch-logs")
        .put("LogGroupName", Cfn.ref(FLOW_LOG_GROUP))
        .put("DeliverLogsPermissionArn", Cfn.getAtt(FLOW_LOG_ROLE, "Arn"))
        .put("Tags", ctx.tags());
  }
}
