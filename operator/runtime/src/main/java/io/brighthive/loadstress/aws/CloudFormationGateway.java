package io.brighthive.loadstress.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation operations the operator uses. Every call returns promptly: none waits for a
 * stack to settle.
 */
public interface CloudFormationGateway {
  /** The stack by name, or empty when CloudFormation does not know it (never created, or deleted). */
  Optional<StackSnapshot> describe(String stackName);

  /**
   * Status of every live stack in the region, by name, in as few calls as the listing allows: the
   * cheap check of settled environments.
   */
  Map<String, StackSummarySnapshot> listStacks();

  /** The newest events of a stack, newest first, at most {@code max}. */
  List<StackEventSnapshot> events(String stackName, int max);

  /** Starts creating a stack; the client token makes a repeated call harmless. Returns the stack id. */
  String create(StackRequest request);

  /** Starts preparing an update of an existing stack as a change set with the given name. */
  void createUpdateChangeSet(StackRequest request, String changeSetName);

  Optional<ChangeSetSnapshot> describeChangeSet(String stackName, String changeSetName);

  void executeChangeSet(String stackName, String changeSetName, String clientToken);

  void deleteChangeSet(String stackName, String changeSetName);

  void setTerminationProtection(String stackName, boolean enabled);

  /** Starts deleting a stack; deleting a stack that is gone is not an error. */
  void delete(String stackName, String clientToken);
}
