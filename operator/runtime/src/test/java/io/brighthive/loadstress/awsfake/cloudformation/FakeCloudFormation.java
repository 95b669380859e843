package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.QueryProtocolService;
import io.brighthive.loadstress.awsfake.XmlWriter;
import io.brighthive.loadstress.awsfake.cloudformation.StackFailureRules.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stateful CloudFormation fake speaking the query protocol (API version 2010-05-15).
 *
 * <p>Stacks and change sets move asynchronously: an operation's first status (CREATE_IN_PROGRESS, …) is set by the
 * call itself, and its further events (two per resource of the template, then the stack's final status) are spread
 * evenly over the {@linkplain #transitionDelay transition delay}, measured on the fake's clock. They are applied
 * when a later call reaches the fake, so a frozen {@link io.brighthive.loadstress.awsfake.FakeClock} holds every
 * stack still until the test advances it.
 *
 * <p>Failure switches (by stack-name regex, matched against the whole name) make an operation fail on a resource:
 * {@link #failCreate} (CREATE_FAILED, then rollback to ROLLBACK_COMPLETE), {@link #failUpdate} (UPDATE_FAILED, then
 * UPDATE_ROLLBACK_COMPLETE with the previous template), {@link #failDelete} (DELETE_FAILED). They hold until
 * {@link #clearStackFailures()} or {@link #reset()}. The generic switches of {@link
 * io.brighthive.loadstress.awsfake.FakeService} (throttle, 5xx, delay, access denied) apply per operation.
 *
 * <p>Resource types with a {@linkplain #resourceHook hook} exist in their service's fake: AWS::S3::Bucket,
 * AWS::Redshift::Cluster and AWS::EMRServerless::Application are created there at their CREATE_COMPLETE, under the
 * physical ids the outputs show, and deleted with the stack. DeletionPolicy Retain keeps them (DELETE_SKIPPED),
 * Snapshot gives a Redshift cluster a final snapshot, and the service's state can fail a deletion as AWS would (a
 * bucket with objects, a paused cluster, an application with active job runs: DELETE_FAILED on that resource).
 */
public final class FakeCloudFormation extends QueryProtocolService {

  public static final String API_VERSION = "2010-05-15";
  public static final String XMLNS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  private final StackRegistry registry;
  private final StackFailureRules rules = new StackFailureRules();
  private final StackOperations operations;
  private final ResourceLifecycle lifecycle = new ResourceLifecycle();
  private volatile Function<String, String> templateUrls = url -> null;

  public FakeCloudFormation(Clock clock) {
    super("cloudformation", API_VERSION, XMLNS);
    registry = new StackRegistry(clock);
    operations = new StackOperations(registry, rules, lifecycle);
    Function<String, String> urls = url -> templateUrls.apply(url);
    StackActions stacks = new StackActions(registry, operations, urls);
    StackQueries queries = new StackQueries(registry, urls);
    ChangeSetActions changeSets = new ChangeSetActions(registry, operations, urls);
    on("CreateStack", stacks::createStack);
    on("UpdateStack", stacks::updateStack);
    on("DeleteStack", stacks::deleteStack);
    on("UpdateTerminationProtection", stacks::updateTerminationProtection);
    on("DescribeStacks", queries::describeStacks);
    on("DescribeStackEvents", queries::describeStackEvents);
    on("DescribeStackResources", queries::describeStackResources);
    on("DescribeStackResource", queries::describeStackResource);
    on("ListStackResources", queries::listStackResources);
    on("GetTemplate", queries::getTemplate);
    on("ListStacks", queries::listStacks);
    on("ListExports", queries::listExports);
    on("ListImports", queries::listImports);
    on("ValidateTemplate", queries::validateTemplate);
    on("CreateChangeSet", changeSets::createChangeSet);
    on("DescribeChangeSet", changeSets::describeChangeSet);
    on("ExecuteChangeSet", changeSets::executeChangeSet);
    on("DeleteChangeSet", changeSets::deleteChangeSet);
    on("ListChangeSets", changeSets::listChangeSets);
  }

  @Override
  protected void invoke(Handler handler, QueryParams params, XmlWriter result, FakeRequest request) {
    locked(() -> {
      handler.handle(params, result, request);
      return null;
    });
  }

  @Override
  protected void resetState() {
    locked(() -> {
      registry.reset();
      return null;
    });
    rules.clear();
    templateUrls = url -> null;
  }







  // ---- CloudFormation's own switches ----

  /** How long an operation takes from its call to its final status (default 300 ms; zero: the next call sees it). */
  public FakeCloudFormation transitionDelay(Duration delay) {
    locked(() -> {
      registry.delay(delay);
      return null;
    });
    return this;
  }

  /** Creation of matching stacks fails on {@code logicalId} (or their last resource) with {@code reason}, then rolls back. */
  public FakeCloudFormation failCreate(String stackNamePattern, String logicalId, String reason) {
    rules.add(Kind.CREATE, stackNamePattern, logicalId, reason);
    return this;
  }

  /** Updates of matching stacks fail on {@code logicalId} (or their first changed resource), then roll back. */
  public FakeCloudFormation failUpdate(String stackNamePattern, String logicalId, String reason) {
    rules.add(Kind.UPDATE, stackNamePattern, logicalId, reason);
    return this;
  }

  /** Deletion of matching stacks ends in DELETE_FAILED on {@code logicalId} (or the first resource deleted). */
  public FakeCloudFormation failDelete(String stackNamePattern, String logicalId, String reason) {
    rules.add(Kind.DELETE, stackNamePattern, logicalId, reason);
    return this;
  }

  /** Removes the delete switch for exactly this pattern, so that a retried DeleteStack succeeds. */
  public FakeCloudFormation clearFailDelete(String stackNamePattern) {
    rules.remove(Kind.DELETE, stackNamePattern);
    return this;
  }

  public FakeCloudFormation clearStackFailures() {
    rules.clear();
    return this;
  }

  /**
   * Hands the resources of {@code type} (e.g. AWS::S3::Bucket) that stacks create and delete to another service's
   * fake; wiring, not test state, so {@link #reset()} keeps it. {@link io.brighthive.loadstress.awsfake.FakeAws}
   * registers the S3, Redshift and EMR Serverless fakes this way.
   */
  public FakeCloudFormation resourceHook(String type, ResourceHook hook) {
    lifecycle.register(type, hook);
    return this;
  }

  /** Where TemplateURL bodies come from (e.g. the S3 fake); by default a TemplateURL is rejected. */
  public FakeCloudFormation templateUrlResolver(Function<String, String> resolver) {
    templateUrls = resolver;
    return this;
  }

  /** The stack is deleted at once, as from the console: it goes DELETE_COMPLETE and its name is free. */
  public void deleteOutOfBand(String stackName) {
    locked(() -> {
      operations.deleteOutOfBand(registry.require(stackName));
      return null;
    });
  }

  /** Someone changed {@code logicalId} (or the first resource) by hand: the stack reports DRIFTED. */
  public void driftOutOfBand(String stackName, String logicalId) {
    locked(() -> {
      Stack stack = registry.require(stackName);
      stack.existingResources().stream()
          .filter(r -> logicalId == null || r.logicalId.equals(logicalId)).findFirst()
          .ifPresent(r -> r.driftStatus = "MODIFIED");
      stack.driftStatus = "DRIFTED";
      stack.driftChecked = registry.now();
      return null;
    });
  }

  /** Puts the stack into any status at once (e.g. UPDATE_ROLLBACK_FAILED), cancelling its pending transitions. */
  public void forceStatus(String stackName, String status, String reason) {
    locked(() -> {
      Stack stack = registry.require(stackName);
      registry.cancel(stack);
      stack.stackEvent(registry.now(), status, reason, null);
      return null;
    });
  }

  /** The stack's status now, or empty when there is no such stack (deleted ones only by id). */
  public Optional<String> stackStatus(String nameOrId) {
    return locked(() -> registry.find(nameOrId).map(s -> s.status));
  }

  /** The stack's outputs now (key to value). */
  public Map<String, String> outputs(String nameOrId) {
    return locked(() -> {
      Map<String, String> out = new LinkedHashMap<>();
      registry.require(nameOrId).outputs.values().forEach(o -> out.put(o.key(), o.value()));
      return out;
    });
  }

  /** Names of the stacks that are not deleted. */
  public List<String> stackNames() {
    return locked(() -> registry.live().stream().map(s -> s.name).toList());
  }

  private <T> T locked(Supplier<T> action) {
    synchronized (registry) {
      registry.advance();
      return action.get();
    }
  }
}
