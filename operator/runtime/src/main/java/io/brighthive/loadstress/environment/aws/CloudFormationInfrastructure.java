package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.Endpoints;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.api.environment.Stacks;
import io.brighthive.loadstress.aws.CloudFormationGateway;
import io.brighthive.loadstress.aws.StackSummarySnapshot;
import io.brighthive.loadstress.environment.InfraReport;
import io.brighthive.loadstress.environment.InfraReport.StackReport;
import io.brighthive.loadstress.environment.Infrastructure;
import io.brighthive.loadstress.environment.StackBlocks;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.environment.render.EnvironmentRenderer;
import io.brighthive.loadstress.environment.render.RenderedEnvironment;
import io.brighthive.loadstress.environment.render.RenderedStack;
import io.brighthive.loadstress.environment.render.StackOutputs;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.status.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.brighthive.loadstress.aws.AccountGateway;
import java.util.function.Function;
import java.util.function.Supplier;
import io.brighthive.loadstress.aws.EmrServerlessGateway;
import io.brighthive.loadstress.aws.S3ResultStore;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;

/**
 * Provider aws: the five stacks through CloudFormation, created in dependency order and deleted
 * in reverse. A stack is touched only once every stack it depends on is ready (creation) or
 * every stack that depends on it is gone (deletion).
 */
public final class CloudFormationInfrastructure implements Infrastructure {
  private final Function<ResolvedEnvironment, CloudFormationGateway> gateways;
  private final PreDeleteHooks hooks;
  private final Function<ResolvedEnvironment, EmrServerlessGateway> emr;
  private final Function<ResolvedEnvironment, S3ResultStore> results;
  private final Supplier<SparkGeneratorArtifact> artifact;
  private final Function<ResolvedEnvironment, AccountGateway> accounts;
  /** Accounts by region and role: an identity does not change, so STS is asked once per process. */
  private final Map<String, String> knownAccounts = new java.util.concurrent.ConcurrentHashMap<>();

  /** @param gateways the CloudFormation gateway for an environment's region and role, and likewise the others */
  public CloudFormationInfrastructure(Function<ResolvedEnvironment, CloudFormationGateway> gateways, PreDeleteHooks hooks,
      Function<ResolvedEnvironment, EmrServerlessGateway> emr, Function<ResolvedEnvironment, S3ResultStore> results,
      Supplier<SparkGeneratorArtifact> artifact, Function<ResolvedEnvironment, AccountGateway> accounts) {
    this.accounts = accounts;
    this.gateways = gateways;
    this.hooks = hooks;
    this.emr = emr;
    this.results = results;
    this.artifact = artifact;
  }

  @Override
  public JobRuntime jobs(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    Map<String, String> lake = status.getStacks().getDataLake().getOutputs();
    Map<String, String> spark = status.getStacks().getEmr().getOutputs();
    return new EmrJobRuntime(emr.apply(resolved), results.apply(resolved), spark.get(StackOutputs.EMR_APPLICATION_ID),
        spark.get(StackOutputs.EMR_JOB_ROLE_ARN), spark.get(StackOutputs.EMR_LOG_GROUP), lake.get(StackOutputs.BUCKET_NAME),
        artifact);
  }

  @Override
  public InfraReport converge(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    RenderedEnvironment rendered = EnvironmentRenderer.render(resolved);
    Optional<String> wrongAccount = wrongAccount(resolved);
    if (wrongAccount.isPresent()) {
      return new InfraReport(rendered.creationOrder().stream()
          .map(st -> new StackReport(StackBlocks.conditionType(st.component()), st.component().id(), StackHealth.FAILED,
              Reason.AccountMismatch, wrongAccount.get(), false))
          .toList());
    }
    CloudFormationGateway gateway = gateways.apply(resolved);
    Stacks stacks = status.getStacks() == null ? new Stacks() : status.getStacks();
    status.setStacks(stacks);
    if (settledAsRecorded(env, rendered, stacks, gateway)) {
      return readyReport(rendered, stacks);
    }
    StackConverger converger = new StackConverger(gateway);
    Map<Component, Map<String, String>> outputs = new EnumMap<>(Component.class);
    List<StackReport> reports = new ArrayList<>();
    for (RenderedStack stack : rendered.creationOrder()) {
      Component component = stack.component();
      StackState recorded = StackBlocks.get(stacks, component);
      List<Component> missing = component.dependencies().stream().filter(d -> !outputs.containsKey(d)).toList();
      if (!missing.isEmpty()) {
        String waitingFor = String.join(", ", missing.stream().map(Component::id).toList());
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.WAITING, Reason.WaitingForDependencies,
            stack.stackName() + " waits for the " + waitingFor + " stack", false));
        continue;
      }
      StackTarget target = target(env, stack, stack.parameterValues(outputs));
      StackOutcome outcome = converger.converge(target, recorded);
      StackBlocks.set(stacks, component, outcome.state());
      if (outcome.health() == StackHealth.READY) {
        outputs.put(component, outcome.state().getOutputs() == null ? Map.of() : outcome.state().getOutputs());
      }
      reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), outcome.health(),
          outcome.reason(), outcome.message(), changed(recorded, outcome.state())));
    }
    status.setEndpoints(endpoints(outputs));
    return new InfraReport(reports);
  }

  /** spec.aws.accountId guards against acting with the wrong credentials: nothing is created then. */
  private Optional<String> wrongAccount(ResolvedEnvironment resolved) {
    if (resolved.accountId().isEmpty()) {
      return Optional.empty();
    }
    String key = resolved.awsRegion() + "/" + resolved.roleArn().orElse("");
    String actual = knownAccounts.computeIfAbsent(key, k -> accounts.apply(resolved).callerAccount());
    return actual.equals(resolved.accountId().get()) ? Optional.empty()
        : Optional.of("the operator's credentials belong to AWS account " + actual + ", not " + resolved.accountId().get()
            + " as spec.aws.accountId requires; nothing was created");
  }

  /**
   * The cheap check of a settled environment: when every stack was recorded complete with the
   * content the spec asks for, one ListStacks call shows whether any of them moved since. Only
   * then are the stacks described one by one.
   */
  private static boolean settledAsRecorded(
      LoadstressEnvironment env, RenderedEnvironment rendered, Stacks stacks, CloudFormationGateway gateway) {
    Map<Component, Map<String, String>> outputs = new EnumMap<>(Component.class);
    for (RenderedStack stack : rendered.creationOrder()) {
      StackState recorded = StackBlocks.get(stacks, stack.component());
      if (recorded == null || recorded.getChangeSet() != null || recorded.getLastUpdatedTime() == null
          || !("CREATE_COMPLETE".equals(recorded.getStatus()) || "UPDATE_COMPLETE".equals(recorded.getStatus()))) {
        return false;
      }
      StackTarget target;
      try {
        target = target(env, stack, stack.parameterValues(outputs));
      } catch (IllegalStateException missingOutput) {
        return false;
      }
      if (!target.hash().equals(recorded.getTemplateHash())) {
        return false;
      }
      outputs.put(stack.component(), recorded.getOutputs() == null ? Map.of() : recorded.getOutputs());
    }
    Map<String, StackSummarySnapshot> live = gateway.listStacks();
    return rendered.creationOrder().stream().allMatch(stack -> {
      StackState recorded = StackBlocks.get(stacks, stack.component());
      StackSummarySnapshot now = live.get(stack.stackName());
      return now != null && now.status().equals(recorded.getStatus())
          && now.lastUpdated() != null && now.lastUpdated().toString().equals(recorded.getLastUpdatedTime());
    });
  }

  private static InfraReport readyReport(RenderedEnvironment rendered, Stacks stacks) {
    return new InfraReport(rendered.creationOrder().stream()
        .map(s -> new StackReport(StackBlocks.conditionType(s.component()), s.component().id(), StackHealth.READY, Reason.Ready,
            s.stackName() + " is " + StackBlocks.get(stacks, s.component()).getStatus(), false))
        .toList());
  }

  @Override
  public InfraReport teardown(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    RenderedEnvironment rendered = EnvironmentRenderer.render(resolved);
    StackTeardown teardown = new StackTeardown(gateways.apply(resolved));
    Stacks stacks = status.getStacks() == null ? new Stacks() : status.getStacks();
    status.setStacks(stacks);
    List<Component> gone = new ArrayList<>();
    List<StackReport> reports = new ArrayList<>();
    for (RenderedStack stack : rendered.deletionOrder()) {
      Component component = stack.component();
      StackState recorded = StackBlocks.get(stacks, component);
      List<Component> dependents = List.of(Component.values()).stream()
          .filter(c -> c.dependencies().contains(component) && !gone.contains(c)).toList();
      if (!dependents.isEmpty()) {
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.WAITING, Reason.WaitingForDependencies,
            stack.stackName() + " is deleted after the " + String.join(", ", dependents.stream().map(Component::id).toList()) + " stack", false));
        continue;
      }
      StackTarget target = target(env, stack, Map.of());
      StackOutcome outcome = teardown.step(target, recorded, hooks.forComponent(component, resolved, recorded));
      StackBlocks.set(stacks, component, outcome.state());
      if (outcome.health() == StackHealth.GONE) {
        gone.add(component);
      }
      reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), outcome.health(), outcome.reason(),
          outcome.message(), outcome.notable() || changed(recorded, outcome.state())));
    }
    return new InfraReport(reports);
  }

  private static StackTarget target(LoadstressEnvironment env, RenderedStack stack, Map<String, String> parameters) {
    return StackTarget.of(env.getMetadata().getNamespace(), env.getMetadata().getName(), env.getMetadata().getUid(),
        stack.component().id(), stack.stackName(), stack.templateBody(), parameters, stack.tags(), stack.contentHash());
  }

  private static boolean changed(StackState before, StackState after) {
    return before == null || !Objects.equals(before.getStatus(), after.getStatus())
        || !Objects.equals(before.getFailedResource(), after.getFailedResource());
  }

  private static Endpoints endpoints(Map<Component, Map<String, String>> outputs) {
    Endpoints e = new Endpoints();
    Map<String, String> lake = outputs.getOrDefault(Component.DATA_LAKE, Map.of());
    if (lake.containsKey(StackOutputs.BUCKET_NAME)) {
      e.setDataLake("s3://" + lake.get(StackOutputs.BUCKET_NAME) + "/");
    }
    Map<String, String> redshift = outputs.getOrDefault(Component.REDSHIFT, Map.of());
    e.setRedshiftAddress(redshift.get(StackOutputs.REDSHIFT_ENDPOINT_ADDRESS));
    String port = redshift.get(StackOutputs.REDSHIFT_ENDPOINT_PORT);
    e.setRedshiftPort(port == null || port.isBlank() ? null : Integer.valueOf(port));
    e.setRedshiftDatabase(redshift.get(StackOutputs.REDSHIFT_DATABASE));
    e.setRedshiftSecretArn(redshift.get(StackOutputs.REDSHIFT_SECRET_ARN));
    e.setEmrApplicationId(outputs.getOrDefault(Component.EMR, Map.of()).get(StackOutputs.EMR_APPLICATION_ID));
    e.setDashboardUrl(outputs.getOrDefault(Component.MONITORING, Map.of()).get(StackOutputs.DASHBOARD_URL));
    return e;
  }
}
