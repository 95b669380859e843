package io.brighthive.loadstress.environment.local;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.Endpoints;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.api.environment.Stacks;
import io.brighthive.loadstress.environment.InfraReport;
import io.brighthive.loadstress.environment.InfraReport.StackReport;
import io.brighthive.loadstress.environment.Infrastructure;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.StackBlocks;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.local.EnvironmentDirs;
import io.brighthive.loadstress.jobs.local.FileResultStore;
import io.brighthive.loadstress.jobs.local.LocalJobRunner;
import io.brighthive.loadstress.jobs.local.LocalJobRuntime;
import io.brighthive.loadstress.jobs.local.LocalJobs;
import io.brighthive.loadstress.jobs.local.SparkGeneratorHome;
import io.brighthive.loadstress.jobs.local.SparkGeneratorHomeLocator;
import io.brighthive.loadstress.status.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Provider local: no cloud. The five stacks become directories and local stand-ins under the
 * operator's work directory, reported in the same status blocks as on aws: the environment's
 * directory (VPC), the lake directory (DataLake), embedded DuckDB over the lake (Redshift), child
 * JVMs running Spark in local mode (EMR) and their log files (Monitoring). Nothing here calls AWS.
 */
public final class LocalInfrastructure implements Infrastructure {
  static final String CREATE_COMPLETE = "CREATE_COMPLETE";
  static final String DELETE_COMPLETE = "DELETE_COMPLETE";
  private static final List<Component> DELETION_ORDER =
      List.of(Component.MONITORING, Component.EMR, Component.REDSHIFT, Component.DATA_LAKE, Component.VPC);

  private final LocalJobs jobs;
  private final Clock clock;

  public LocalInfrastructure(LocalJobs jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Creates what is missing (idempotent); without a spark-generator home, creates nothing and says why. */
  @Override
  public InfraReport converge(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    SparkGeneratorHomeLocator.Lookup lookup = jobs.home();
    if (lookup.home().isEmpty()) {
      String message = "cannot run local jobs, so nothing was created: " + lookup.problem();
      return new InfraReport(List.of(Component.values()).stream()
          .map(c -> new StackReport(StackBlocks.conditionType(c), c.id(), StackHealth.FAILED, Reason.SparkGeneratorHomeMissing,
              message, false))
          .toList());
    }
    SparkGeneratorHome home = lookup.home().get();
    EnvironmentDirs dirs = jobs.dirs(resolved.namespace(), resolved.name());
    Names names = Names.of(resolved.namespace(), resolved.name());
    Stacks stacks = status.getStacks() == null ? new Stacks() : status.getStacks();
    status.setStacks(stacks);
    List<Component> ready = new ArrayList<>();
    List<StackReport> reports = new ArrayList<>();
    for (Component component : Component.values()) {
      String stackName = names.stackName(component.id());
      List<Component> missing = component.dependencies().stream().filter(d -> !ready.contains(d)).toList();
      if (!missing.isEmpty()) {
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.WAITING,
            Reason.WaitingForDependencies, stackName + " waits for the " + String.join(", ", missing.stream().map(Component::id).toList())
            + " stack", false));
        continue;
      }
      LocalStack local = LocalStack.of(component, dirs, resolved, home, jobs.limits());
      StackState recorded = StackBlocks.get(stacks, component);
      boolean existed = local.dir().map(Files::isDirectory).orElse(true);
      Optional<String> failure = local.dir().flatMap(LocalInfrastructure::createDirectories);
      if (failure.isPresent()) {
        StackState state = state(recorded, stackName, local.id(dirs), "CREATE_FAILED", failure.get(), null);
        StackBlocks.set(stacks, component, state);
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.FAILED, Reason.CreateFailed,
            stackName + " is CREATE_FAILED: " + failure.get(), changed(recorded, state)));
        continue;
      }
      boolean recreated = !existed && recorded != null && CREATE_COMPLETE.equals(recorded.getStatus());
      StackState state = state(recorded, stackName, local.id(dirs), CREATE_COMPLETE, null, local.outputs());
      StackBlocks.set(stacks, component, state);
      ready.add(component);
      reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.READY,
          recreated ? Reason.StackMissing : Reason.Ready,
          stackName + " is " + CREATE_COMPLETE + ": " + local.what() + (recreated ? " (it was missing: created again)" : ""),
          recreated || changed(recorded, state)));
    }
    status.setEndpoints(endpoints(dirs, resolved, ready));
    return new InfraReport(reports);
  }

  @Override
  public JobRuntime jobs(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    return new LocalJobRuntime(jobs, resolved.namespace(), resolved.name());
  }

  /**
   * Stops the environment's jobs first (their whole process trees), then deletes its directory:
   * all of it, or all but the lake under deletionPolicy Retain.
   */
  @Override
  public InfraReport teardown(LoadstressEnvironment env, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    EnvironmentDirs dirs = jobs.dirs(resolved.namespace(), resolved.name());
    Names names = Names.of(resolved.namespace(), resolved.name());
    Stacks stacks = status.getStacks() == null ? new Stacks() : status.getStacks();
    status.setStacks(stacks);
    LocalJobRunner runner = jobs.runner(resolved.namespace(), resolved.name());
    runner.unfinished().forEach(runner::cancel);
    List<String> stopping = runner.unfinished();
    boolean retain = resolved.dataLake().deletionPolicy() == DeletionPolicy.Retain;
    List<StackReport> reports = new ArrayList<>();
    for (Component component : DELETION_ORDER) {
      String stackName = names.stackName(component.id());
      StackState recorded = StackBlocks.get(stacks, component);
      if (component == Component.EMR && !stopping.isEmpty()) {
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.PROGRESSING, Reason.Deleting,
            "stopping job run(s) " + String.join(", ", stopping) + " before deleting " + stackName, false));
        continue;
      }
      if ((component == Component.DATA_LAKE || component == Component.VPC) && !stopping.isEmpty()) {
        reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.WAITING,
            Reason.WaitingForDependencies, stackName + " is deleted once the environment's jobs have stopped", false));
        continue;
      }
      String detail = switch (component) {
        case EMR -> delete(dirs.jobs());
        case DATA_LAKE -> retain ? "kept " + dirs.lake() + " and its data (deletionPolicy Retain)" : delete(dirs.lake());
        case VPC -> deleteRoot(dirs, retain);
        case REDSHIFT -> "nothing to delete: DuckDB reads the lake in place";
        case MONITORING -> "nothing to delete: the job logs go with the jobs directory";
      };
      StackState state = state(recorded, stackName, recorded == null ? null : recorded.getStackId(), DELETE_COMPLETE, detail,
          recorded == null ? null : recorded.getOutputs());
      StackBlocks.set(stacks, component, state);
      reports.add(new StackReport(StackBlocks.conditionType(component), component.id(), StackHealth.GONE, Reason.Deleted,
          stackName + " is deleted: " + detail, changed(recorded, state)));
    }
    return new InfraReport(reports);
  }

  private String delete(Path dir) {
    jobs.delete(dir);
    return "deleted " + dir;
  }

  /** The environment's directory goes, unless it holds a retained lake; an emptied namespace directory goes too. */
  private String deleteRoot(EnvironmentDirs dirs, boolean retain) {
    if (retain && Files.isDirectory(dirs.lake())) {
      jobs.deleteAllBut(dirs.root(), dirs.lake());
      return "deleted " + dirs.root() + " except the retained lake";
    }
    jobs.delete(dirs.root());
    jobs.deleteIfEmpty(dirs.root().getParent());
    return "deleted " + dirs.root();
  }

  private StackState state(StackState recorded, String stackName, String stackId, String status, String reason,
      Map<String, String> outputs) {
    StackState state = new StackState();
    state.setStackName(stackName);
    state.setStackId(stackId);
    state.setStatus(status);
    state.setStatusReason(reason);
    state.setOutputs(outputs == null ? null : new HashMap<>(outputs));
    boolean same = recorded != null && status.equals(recorded.getStatus());
    String now = clock.instant().toString();
    state.setLastUpdatedTime(same && recorded.getLastUpdatedTime() != null ? recorded.getLastUpdatedTime() : now);
    state.setLastTransitionTime(same && recorded.getLastTransitionTime() != null ? recorded.getLastTransitionTime() : now);
    return state;
  }

  private static boolean changed(StackState before, StackState after) {
    return before == null || !Objects.equals(before.getStatus(), after.getStatus());
  }

  private static Endpoints endpoints(EnvironmentDirs dirs, ResolvedEnvironment resolved, List<Component> ready) {
    Endpoints e = new Endpoints();
    if (ready.contains(Component.DATA_LAKE)) {
      e.setDataLake(FileResultStore.uriOf(dirs.lake()));
    }
    if (ready.contains(Component.REDSHIFT)) {
      e.setRedshiftDatabase(resolved.redshift().database());
    }
    return e;
  }

  private static Optional<String> createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot create " + dir + ": " + e);
    }
  }
}
