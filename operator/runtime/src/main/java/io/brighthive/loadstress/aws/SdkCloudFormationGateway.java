package io.brighthive.loadstress.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.OnFailure;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** {@link CloudFormationGateway} on the AWS SDK v2 client. */
public final class SdkCloudFormationGateway implements CloudFormationGateway {
  private final CloudFormationClient client;

  public SdkCloudFormationGateway(CloudFormationClient client) {
    this.client = client;
  }

  @Override
  public Optional<StackSnapshot> describe(String stackName) {
    try {
      List<Stack> stacks = client.describeStacks(b -> b.stackName(stackName)).stacks();
      return stacks.stream().findFirst().map(SdkCloudFormationGateway::snapshot);
    } catch (CloudFormationException e) {
      if (isMissingStack(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Map<String, StackSummarySnapshot> listStacks() {
    List<StackStatus> live = StackStatus.knownValues().stream().filter(st -> st != StackStatus.DELETE_COMPLETE).toList();
    Map<String, StackSummarySnapshot> stacks = new HashMap<>();
    client.listStacksPaginator(b -> b.stackStatusFilters(live)).stackSummaries().forEach(s -> stacks.put(s.stackName(),
        new StackSummarySnapshot(s.stackName(), s.stackStatusAsString(),
            s.lastUpdatedTime() != null ? s.lastUpdatedTime() : s.creationTime())));
    return stacks;
  }

  @Override
  public List<StackEventSnapshot> events(String stackName, int max) {
    return client.describeStackEvents(b -> b.stackName(stackName)).stackEvents().stream()
        .limit(max)
        .map(SdkCloudFormationGateway::event)
        .toList();
  }

  @Override
  public String create(StackRequest request) {
    return client
        .createStack(b -> b.stackName(request.name())
            .templateBody(request.templateBody())
            .parameters(parameters(request.parameters()))
            .tags(tags(request.tags()))
            .capabilities(Capability.CAPABILITY_NAMED_IAM)
            .onFailure(OnFailure.ROLLBACK)
            .enableTerminationProtection(true)
            .clientRequestToken(request.clientToken()))
        .stackId();
  }

  @Override
  public void createUpdateChangeSet(StackRequest request, String changeSetName) {
    client.createChangeSet(b -> b.stackName(request.name())
        .changeSetName(changeSetName)
        .changeSetType(ChangeSetType.UPDATE)
        .templateBody(request.templateBody())
        .parameters(parameters(request.parameters()))
        .tags(tags(request.tags()))
        .capabilities(Capability.CAPABILITY_NAMED_IAM)
        .clientToken(request.clientToken()));
  }

  @Override
  public Optional<ChangeSetSnapshot> describeChangeSet(String stackName, String changeSetName) {
    try {
      DescribeChangeSetResponse r = client.describeChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName));
      return Optional.of(new ChangeSetSnapshot(
          r.changeSetName(), r.statusAsString(), r.executionStatusAsString(), r.statusReason()));
    } catch (CloudFormationException e) {
      if ("ChangeSetNotFound".equals(errorCode(e)) || isMissingStack(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void executeChangeSet(String stackName, String changeSetName, String clientToken) {
    client.executeChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName).clientRequestToken(clientToken));
  }

  @Override
  public void deleteChangeSet(String stackName, String changeSetName) {
    try {
      client.deleteChangeSet(b -> b.stackName(stackName).changeSetName(changeSetName));
    } catch (CloudFormationException e) {
      if (!"ChangeSetNotFound".equals(errorCode(e)) && !isMissingStack(e)) {
        throw e;
      }
    }
  }

  @Override
  public void setTerminationProtection(String stackName, boolean enabled) {
    client.updateTerminationProtection(b -> b.stackName(stackName).enableTerminationProtection(enabled));
  }

  @Override
  public void delete(String stackName, String clientToken) {
    try {
      client.deleteStack(b -> b.stackName(stackName).clientRequestToken(clientToken));
    } catch (CloudFormationException e) {
      if (!isMissingStack(e)) {
        throw e;
      }
    }
  }

  /** CloudFormation answers a missing stack with a ValidationError that says so. */
  static boolean isMissingStack(CloudFormationException e) {
    return "ValidationError".equals(errorCode(e))
        && e.awsErrorDetails().errorMessage() != null
        && e.awsErrorDetails().errorMessage().contains("does not exist");
  }

  private static String errorCode(CloudFormationException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static StackSnapshot snapshot(Stack s) {
    return new StackSnapshot(
        s.stackName(),
        s.stackId(),
        s.stackStatusAsString(),
        s.stackStatusReason(),
        s.outputs().stream().collect(Collectors.toMap(Output::outputKey, o -> o.outputValue() == null ? "" : o.outputValue(), (a, b) -> b)),
        s.parameters().stream().collect(Collectors.toMap(Parameter::parameterKey, p -> p.parameterValue() == null ? "" : p.parameterValue(), (a, b) -> b)),
        s.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)),
        Boolean.TRUE.equals(s.enableTerminationProtection()),
        s.lastUpdatedTime() != null ? s.lastUpdatedTime() : s.creationTime());
  }

  private static StackEventSnapshot event(StackEvent e) {
    return new StackEventSnapshot(
        e.logicalResourceId(), e.resourceType(), e.resourceStatusAsString(), e.resourceStatusReason(), e.timestamp());
  }

  private static List<Parameter> parameters(Map<String, String> values) {
    return values.entrySet().stream()
        .map(en -> Parameter.builder().parameterKey(en.getKey()).parameterValue(en.getValue()).build())
        .toList();
  }

  private static List<Tag> tags(Map<String, String> values) {
    return values.entrySet().stream().map(en -> Tag.builder().key(en.getKey()).value(en.getValue()).build()).toList();
  }
}
