package io.brighthive.loadstress;

import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.aws.AwsClients;
import io.brighthive.loadstress.config.OperatorSettings;
import io.brighthive.loadstress.environment.EnvironmentController;
import io.brighthive.loadstress.environment.Infrastructure;
import io.brighthive.loadstress.environment.Intervals;
import io.brighthive.loadstress.environment.LoadstressEnvironmentReconciler;
import io.brighthive.loadstress.environment.aws.CloudFormationInfrastructure;
import io.brighthive.loadstress.environment.aws.AwsPreDeleteHooks;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import io.brighthive.loadstress.environment.local.LocalInfrastructure;
import io.brighthive.loadstress.jobs.local.LocalJobs;
import io.brighthive.loadstress.jobs.local.SparkGeneratorHomeLocator;
import io.brighthive.loadstress.kube.KubernetesEventRecorder;
import io.brighthive.loadstress.scenario.RunSlots;
import io.brighthive.loadstress.scenario.ScenarioRunController;
import io.brighthive.loadstress.scenario.ScenarioRunReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the operator by hand: settings, AWS clients, the aws and local providers, controllers, JOSDK. The same wiring runs
 * against a real cluster and against the embedded mock API server used in tests.
 */
public final class OperatorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);
  private final Operator operator;
  private final AwsClients aws;

  /** With the spark-generator jar bundled in this build. */
  public OperatorRuntime(KubernetesClient client, OperatorSettings settings, AwsClients aws, Clock clock) {
    this(client, settings, aws, clock, () -> SparkGeneratorArtifact.bundled().orElseThrow(() -> new IllegalStateException(
        "this operator build carries no spark-generator jar; build it with `mvn install` from the repository root")));
  }

  public OperatorRuntime(KubernetesClient client, OperatorSettings settings, AwsClients aws, Clock clock,
      Supplier<SparkGeneratorArtifact> artifact) {
    this(client, settings, aws, clock, artifact, new LoadstressMetrics(new SimpleMeterRegistry()));
  }

  /** With the metrics that the HTTP endpoints serve: JOSDK's controller metrics go to the same registry. */
  public OperatorRuntime(KubernetesClient client, OperatorSettings settings, AwsClients aws, Clock clock,
      Supplier<SparkGeneratorArtifact> artifact, LoadstressMetrics metrics) {
    this.aws = aws;
    Intervals intervals = new Intervals(settings.pollInProgress(), settings.pollSettled(), settings.pollSettled());
    Map<Provider, Infrastructure> providers = new EnumMap<>(Provider.class);
    providers.put(Provider.AWS, new CloudFormationInfrastructure(
        env -> aws.cloudFormation(env.awsRegion(), env.roleArn()),
        new AwsPreDeleteHooks(env -> aws.s3(env.awsRegion(), env.roleArn()), env -> aws.redshift(env.awsRegion(), env.roleArn())),
        env -> aws.emrServerless(env.awsRegion(), env.roleArn()), env -> aws.resultStore(env.awsRegion(), env.roleArn()),
        artifact, env -> aws.account(env.awsRegion(), env.roleArn())));
    OperatorSettings.Local local = settings.local();
    providers.put(Provider.LOCAL, new LocalInfrastructure(new LocalJobs(local.workDir(), local.limits(),
        SparkGeneratorHomeLocator.of(local.sparkGeneratorHome()), clock), clock));
    var events = new KubernetesEventRecorder(client, clock);
    var environments = new LoadstressEnvironmentReconciler(new EnvironmentController(providers, events, clock, intervals, metrics), intervals);
    var runs = new ScenarioRunReconciler(new ScenarioRunController(providers, ScenarioRunReconciler.environmentsOf(client),
        new RunSlots(settings.maxRunsPerEnvironment()), events, clock, intervals, metrics, PriceTable.US_WEST_2));

    // Server-side apply is off: the embedded API server answers apply patches with 415, and
    // merge patches work the same against a real cluster. The default informer-stopped handler
    // exits the JVM; this one logs, so a test JVM survives a stopped mock server.
    operator = new Operator(o -> o.withKubernetesClient(client)
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false)
        .withCloseClientOnStop(false)
        .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()))
        .withLeaderElectionConfiguration(settings.leaderElection().map(OperatorRuntime::leaderElection).orElse(null))
        .withInformerStoppedHandler((informer, ex) -> {
          if (ex != null) {
            LOG.error("an informer stopped: {}", ex.getMessage());
          }
        }));
    var retry = GenericRetry.defaultLimitedExponentialRetry()
        .setInitialInterval(settings.pollInProgress().toMillis())
        .setIntervalMultiplier(2.0)
        .setMaxInterval(settings.pollSettled().toMillis())
        .setMaxAttempts(20);
    operator.register(environments, c -> {
      c.withRetry(retry);
      if (!settings.watchNamespaces().isEmpty()) {
        c.settingNamespaces(settings.watchNamespaces());
      }
    });
    operator.register(runs, c -> {
      c.withRetry(retry);
      if (!settings.watchNamespaces().isEmpty()) {
        c.settingNamespaces(settings.watchNamespaces());
      }
    });
  }

  private static LeaderElectionConfiguration leaderElection(OperatorSettings.LeaderElection lease) {
    var builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(lease.leaseName());
    lease.leaseNamespace().ifPresent(builder::withLeaseNamespace);
    return builder.build();
  }

  public void start() {
    operator.start();
  }

  public Optional<Operator> operator() {
    return Optional.of(operator);
  }

  @Override
  public void close() throws Exception {
    operator.stop();
    aws.close();
  }
}
