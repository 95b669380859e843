package io.brighthive.loadstress.environment.render;

/**
 * A parameter a template declares, and the output of an earlier stack that fills it. Stacks are
 * wired through parameters, not Export/ImportValue: an export that another stack imports cannot
 * be changed or deleted, which would lock the stacks against updates and teardown.
 *
 * @param type a CloudFormation parameter type, such as {@code List<AWS::EC2::Subnet::Id>}
 */
public record StackParameter(String name, String type, String description, OutputRef source) {}
