package io.brighthive.loadstress.awsfake;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

import static org.awaitility.Awaitility.await;

/** Templates and small SDK helpers shared by the CloudFormation fake's tests. */
final class CfnTestTemplates {

  /** An S3 bucket and a Redshift cluster; outputs exercising Ref, GetAtt, Join, Sub, Select and an export. */
  static final String LAKE = """
      {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "lake and warehouse",
        "Parameters": {
          "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
          "NodeCount": {"Type": "Number", "Default": "1"}
        },
        "Resources": {
          "Bucket": {"Type": "AWS::S3::Bucket",
                     "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-lake-${Env}"}}},
          "Cluster": {"Type": "AWS::Redshift::Cluster", "DependsOn": "Bucket",
                      "Properties": {"NumberOfNodes": {"Ref": "NodeCount"}, "ClusterType": "single-node"}}
        },
        "Outputs": {
          "BucketName": {"Value": {"Ref": "Bucket"}},
          "BucketArn": {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]},
                        "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-BucketArn"}}},
          "Endpoint": {"Value": {"Fn::Join": [":", [{"Fn::GetAtt": ["Cluster", "Endpoint.Address"]},
                                                    {"Fn::GetAtt": ["Cluster", "Endpoint.Port"]}]]}},
          "Region": {"Value": {"Fn::Sub": "region=${AWS::Region}"}},
          "FirstAz": {"Value": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}},
          "Literal": {"Value": "hello"},
          "Unknown": {"Value": {"Fn::GetAtt": ["Cluster", "NoSuchAttribute"]}}
        }
      }
      """;

  /** The same template in YAML short form, with a condition. */
  static final String LAKE_YAML = """
      AWSTemplateFormatVersion: 2010-09-09
      Parameters:
        Env:
          Type: String
          Default: dev
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub '${AWS::StackName}-lake-${Env}'
        Replica:
          Type: AWS::S3::Bucket
          Condition: IsProd
        App:
          Type: AWS::EMRServerless::Application
          Properties:
            ReleaseLabel: emr-7.5.0
            Type: SPARK
      Outputs:
        BucketArn:
          Value: !GetAtt Bucket.Arn
        AppId:
          Value: !Ref App
        AppArn:
          Value: !GetAtt App.Arn
        Mode:
          Value: !If [IsProd, production, development]
        Subnets:
          Value: !Join [',', !Cidr ['10.0.0.0/16', 2, 8]]
      """;

  static String importer(String exportName) {
    return """
        {"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
         "Outputs": {"Imported": {"Value": {"Fn::ImportValue": "%s"}}}}
        """.formatted(exportName);
  }

  static final String WITH_ROLE = """
      {"Resources": {"Role": {"Type": "AWS::IAM::Role",
        "Properties": {"RoleName": "job-role", "AssumeRolePolicyDocument": {}}}}}
      """;

  private CfnTestTemplates() {
  }

  static Stack describe(CloudFormationClient cfn, String nameOrId) {
    return cfn.describeStacks(r -> r.stackName(nameOrId)).stacks().get(0);
  }

  static Stack awaitStatus(CloudFormationClient cfn, String nameOrId, String status) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> describe(cfn, nameOrId).stackStatusAsString(), status::equals);
    return describe(cfn, nameOrId);
  }

  static String output(Stack stack, String key) {
    return stack.outputs().stream().filter(o -> o.outputKey().equals(key)).map(Output::outputValue).findFirst()
        .orElseThrow(() -> new AssertionError("no output " + key + " in " + stack.outputs()));
  }

  static List<StackEvent> events(CloudFormationClient cfn, String nameOrId) {
    return cfn.describeStackEvents(r -> r.stackName(nameOrId)).stackEvents();
  }
}
