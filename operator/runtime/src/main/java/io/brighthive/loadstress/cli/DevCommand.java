package io.brighthive.loadstress.cli;

import io.brighthive.loadstress.OperatorRuntime;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.aws.AwsClients;
import io.brighthive.loadstress.config.OperatorSettings;
import io.brighthive.loadstress.dev.DevApiServer;
import io.brighthive.loadstress.dev.DevApiServerOptions;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import io.brighthive.loadstress.metrics.AwsCallMetrics;
import io.brighthive.loadstress.metrics.HttpEndpoints;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Tries the whole product on one machine with no cluster and no cloud: an embedded Kubernetes API
 * server (for kubectl and the operator; in memory, no authentication, loopback only: for trying
 * the product and for tests, never for real workloads), the operator with the local provider, and
 * /metrics. Optionally applies manifests and waits until their runs are done.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
        "Run an embedded API server and the operator on this machine, with the local provider: no cluster, no AWS.",
        "The API server keeps everything in memory, listens on 127.0.0.1 without authentication, and is for trying the",
        "product and for tests only. Data lakes and job logs stay in the work directory."})
public final class DevCommand implements Callable<Integer> {
  static final int RUN_FAILED = 1;
  static final int TIMED_OUT = 3;

  @Mixin LocalProviderOptions local;

  @Option(names = "--apply", arity = "1..*", paramLabel = "FILE",
      description = "Manifests to apply once the operator runs (YAML, several documents per file allowed).")
  List<Path> apply = new ArrayList<>();

  @Option(names = "--until-done",
      description = "Exit once every applied ScenarioRun has finished (or, with none, every applied environment is Ready or"
          + " Failed); print a table of the runs; exit 1 if a run did not succeed with the verdict Passed.")
  boolean untilDone;

  @Option(names = "--timeout", defaultValue = "30m", description = "Longest --until-done waits, such as 30m; exit 3 after that.")
  String timeout;

  @Option(names = "--api-port", defaultValue = "0", description = "Port of the embedded API server; 0 picks a free one.")
  int apiPort;

  @Option(names = "--kubeconfig", description = "Where to write the kubeconfig for kubectl (default: <work-dir>/kubeconfig).")
  Path kubeconfig;

  @Option(names = "--metrics-port", defaultValue = "8080", description = "Port of /metrics, /healthz and /readyz; 0 picks a free one.")
  int metricsPort;

  @Option(names = "--poll", defaultValue = "1s", description = "How often running environments and jobs are checked, such as 1s.")
  String poll;

  @Option(names = "--max-runs-per-environment", defaultValue = "2",
      description = "ScenarioRuns in flight at once on one environment; the others wait, Pending.")
  int maxRunsPerEnvironment;

  private final PrintStream out;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  public DevCommand() {
    this(System.out, Clock.systemUTC());
  }

  DevCommand(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    OperatorSettings.Local localSettings = local.settings();
    Duration pollEvery = RunCommand.duration("--poll", poll);
    Duration limit = RunCommand.duration("--timeout", timeout);
    OperatorSettings settings = new OperatorSettings(Set.of(), Optional.empty(), pollEvery, pollEvery.multipliedBy(30), metricsPort,
        Optional.empty(), localSettings, maxRunsPerEnvironment);
    Path config = kubeconfig != null ? kubeconfig : localSettings.workDir().resolve("kubeconfig");
    Files.createDirectories(config.toAbsolutePath().getParent());
    List<Path> manifests = readable(apply);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LoadstressMetrics metrics = new LoadstressMetrics(registry);
    AtomicBoolean started = new AtomicBoolean();
    HttpEndpoints endpoints = startEndpoints(registry, started);
    DevApiServer server = DevApiServer.start(serverOptions(config));
    KubernetesClient client = server.client();
    AwsClients aws = new AwsClients(Optional.empty(), DefaultCredentialsProvider.builder().build(), List.of(new AwsCallMetrics(metrics)));
    OperatorRuntime runtime = new OperatorRuntime(client, settings, aws, clock,
        () -> SparkGeneratorArtifact.bundled().orElseThrow(() -> new IllegalStateException(
            "this operator build carries no spark-generator jar; build it with `mvn -B -ntp package -DskipTests`")),
        metrics);
    DevProgress progress = new DevProgress(client, out, clock);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable shutdown = () -> {
      if (closed.compareAndSet(false, true)) {
        progress.close();
        try {
          runtime.close();
        } catch (Exception e) {
          System.err.println("dev: stopping the operator: " + e.getMessage());
        }
        server.close();
        endpoints.close();
        stopped.countDown();
      }
    };
    Thread hook = new Thread(shutdown);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runtime.start();
      started.set(true);
      banner(server, config, endpoints, localSettings);
      progress.watch();
      Applied applied = apply(client, manifests);
      if (!untilDone) {
        awaitStop(stopped);
        return 0;
      }
      return waitUntilDone(progress, applied, limit);
    } finally {
      shutdown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook has run.
      }
    }
  }

  /** Ends a dev command that runs without --until-done, as Ctrl-C does. */
  public void stop() {
    stopRequested.countDown();
  }

  private void awaitStop(CountDownLatch stopped) throws InterruptedException {
    while (!stopRequested.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (stopped.getCount() == 0) {
        return;
      }
    }
  }

  private int waitUntilDone(DevProgress progress, Applied applied, Duration limit) throws InterruptedException {
    Instant deadline = clock.instant().plus(limit);
    while (clock.instant().isBefore(deadline)) {
      boolean done = applied.runs().isEmpty() ? progress.settled(applied.environments()) : progress.finished(applied.runs());
      if (done) {
        boolean passed = progress.summary(applied.runs());
        if (applied.runs().isEmpty()) {
          out.println("no ScenarioRun was applied; the environments are settled");
        }
        return passed ? 0 : RUN_FAILED;
      }
      Thread.sleep(500);
    }
    progress.summary(applied.runs());
    out.println("dev: --timeout " + timeout + " ran out before every run finished");
    return TIMED_OUT;
  }

  record Applied(Set<DevProgress.NamespacedName> environments, Set<DevProgress.NamespacedName> runs) {}

  private Applied apply(KubernetesClient client, List<Path> manifests) throws IOException {
    Set<DevProgress.NamespacedName> environments = new LinkedHashSet<>();
    Set<DevProgress.NamespacedName> runs = new LinkedHashSet<>();
    for (Path file : manifests) {
      List<HasMetadata> items;
      try (InputStream in = Files.newInputStream(file)) {
        items = client.load(in).items();
      }
      for (HasMetadata item : items) {
        String namespace = item.getMetadata().getNamespace() == null ? "default" : item.getMetadata().getNamespace();
        item.getMetadata().setNamespace(namespace);
        client.resource(item).inNamespace(namespace).createOr(NonDeletingOperation::update);
        var name = new DevProgress.NamespacedName(namespace, item.getMetadata().getName());
        if (LoadstressEnvironment.class.getSimpleName().equals(item.getKind())) {
          environments.add(name);
        } else if (ScenarioRun.class.getSimpleName().equals(item.getKind())) {
          runs.add(name);
        }
        out.println("applied " + item.getKind() + " " + namespace + "/" + item.getMetadata().getName() + " from " + file);
      }
    }
    return new Applied(environments, runs);
  }

  private static List<Path> readable(List<Path> files) {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("--apply " + file + ": no such file");
      }
    }
    return files;
  }

  private HttpEndpoints startEndpoints(PrometheusMeterRegistry registry, AtomicBoolean started) throws IOException {
    try {
      return HttpEndpoints.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), metricsPort), registry, started::get);
    } catch (BindException e) {
      throw new IllegalArgumentException("port " + metricsPort + " is taken; pick another with --metrics-port (0 for any free one)");
    }
  }

  private DevApiServerOptions serverOptions(Path config) {
    DevApiServerOptions options = DevApiServerOptions.defaults().withPort(apiPort).withKubeconfig(config.toAbsolutePath());
    if (options.crdFiles().isEmpty()) {
      options = options.withCrdFiles(bundledCrds());
    }
    return options;
  }

  /** The CRDs that this build generated (in the api jar), for a run outside the repository. */
  static List<Path> bundledCrds() {
    List<Path> files = new ArrayList<>();
    for (String name : List.of("loadstressenvironments.loadstress.brighthive.io-v1.yml", "scenarioruns.loadstress.brighthive.io-v1.yml")) {
      try (InputStream in = DevCommand.class.getResourceAsStream("/META-INF/fabric8/" + name)) {
        if (in == null) {
          throw new IllegalStateException("this build carries no CRD " + name + "; run from the repository or rebuild it");
        }
        Path file = Files.createTempFile("loadstress-crd-", ".yaml");
        file.toFile().deleteOnExit();
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        files.add(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private void banner(DevApiServer server, Path config, HttpEndpoints endpoints, OperatorSettings.Local localSettings) {
    out.println("loadstress dev: embedded API server " + server.url() + " (in memory, for trying the product and tests only)");
    out.println("  kubectl:  export KUBECONFIG=" + config.toAbsolutePath() + "; kubectl get lse,sr");
    out.println("  metrics:  http://127.0.0.1:" + endpoints.port() + "/metrics");
    out.println("  work dir: " + localSettings.workDir() + " (data lakes, job runs and their logs)");
  }
}
