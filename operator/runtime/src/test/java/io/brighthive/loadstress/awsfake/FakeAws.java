package io.brighthive.loadstress.awsfake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.brighthive.loadstress.awsfake.cloudformation.FakeCloudFormation;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.redshift.FakeRedshift;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import io.brighthive.loadstress.awsfake.sts.FakeSts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A wire-level fake of the AWS services the operator uses: one HTTP server on 127.0.0.1 that the real SDK clients
 * reach through {@code endpointOverride}, routing each request to the service fake that speaks its protocol.
 *
 * <pre>{@code
 * try (FakeAws aws = new FakeAws().start()) {
 *   CloudFormationClient cfn = aws.cloudFormation();
 *   aws.cfn().failCreate("env-.*-redshift", "Cluster", "quota exceeded");
 *   ...
 * }
 * }</pre>
 *
 * <p>Services are registered in the constructor; a request that no service claims gets a 400 InvalidAction
 * (query protocol) or UnknownOperationException (other protocols).
 */
public final class FakeAws implements AutoCloseable {

  public static final String ACCOUNT_ID = "123456789012";
  public static final Region REGION = Region.US_WEST_2;

  private static final System.Logger LOG = System.getLogger(FakeAws.class.getName());

  static {
    // Without TCP_NODELAY the JDK server's two writes per response (headers, body) meet the client's delayed ACK:
    // about 40 ms per call. The JDK reads this once, when its first HttpServer starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final FakeClock clock;
  private final List<FakeService> services = new CopyOnWriteArrayList<>();
  private final List<SdkClient> clients = new CopyOnWriteArrayList<>();
  private final FakeCloudFormation cloudFormation;
  private HttpServer server;
  private ExecutorService executor;
  private SdkHttpClient httpClient;

  public FakeAws() {
    this(FakeClock.system());
  }

  /** Uses {@code clock} as the time source (wrapped in a {@link FakeClock} unless it is one). */
  public FakeAws(Clock clock) {
    this.clock = clock instanceof FakeClock fake ? fake : new FakeClock(clock);
    this.cloudFormation = register(new FakeCloudFormation(this.clock));
    register(new FakeSts(this.clock));
    FakeRedshift redshift = register(new FakeRedshift(this.clock));
    FakeEmrServerless emrServerless = register(new FakeEmrServerless(this.clock));
    // S3 last: besides its signed requests it claims unsigned REST ones (virtual-hosted, anonymous).
    FakeS3 s3 = register(new FakeS3(this.clock));
    cloudFormation.resourceHook("AWS::S3::Bucket", s3.stackHook())
        .resourceHook("AWS::Redshift::Cluster", redshift.stackHook())
        .resourceHook("AWS::EMRServerless::Application", emrServerless.stackHook());
  }

  private <T extends FakeService> T register(T service) {
    services.add(service);
    return service;
  }

  /** Starts the server on a free loopback port; idempotent. */
  public synchronized FakeAws start() {
    if (server != null) {
      return this;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-aws-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    return this;
  }

  /** The base URI to give the SDK as {@code endpointOverride}, e.g. {@code http://127.0.0.1:41234}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("FakeAws not started");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeClock clock() {
    return clock;
  }

  /** The CloudFormation fake: its state, switches and counters. */
  public FakeCloudFormation cfn() {
    return cloudFormation;
  }

  /** A registered service by type, e.g. {@code service(FakeCloudFormation.class)}. */
  public <T extends FakeService> T service(Class<T> type) {
    return services.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fake registered for " + type.getSimpleName()));
  }

  public List<FakeService> services() {
    return List.copyOf(services);
  }

  /** Forgets every resource, switch and counter of every service, and sets the clock back to running wall time. */
  public void reset() {
    services.forEach(FakeService::reset);
    clock.reset();
  }

  // ---- real SDK clients pointing at the fake ----

  /**
   * Points a builder of any SDK client at this fake: endpoint, region us-west-2, static credentials test/test, the
   * shared url-connection HTTP client, and the SDK's standard retry strategy with 10–100 ms back-off (so retried
   * throttling costs milliseconds, not seconds). Later calls on the builder may override any of it.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
    return builder.endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(httpClient())
        .overrideConfiguration(o -> o.retryStrategy(fastRetries()));
  }

  /** The SDK's standard retry strategy (3 attempts, AWS retry conditions) with short back-off. */
  public static RetryStrategy fastRetries() {
    BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(100));
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .backoffStrategy(quick)
        .throttlingBackoffStrategy(quick)
        .circuitBreakerEnabled(false)
        .build();
  }

  public CloudFormationClient cloudFormation() {
    return track(configure(CloudFormationClient.builder()).build());
  }

  /** A CloudFormation client with extra settings, e.g. {@code b -> b.overrideConfiguration(o -> …)}. */
  public CloudFormationClient cloudFormation(Consumer<CloudFormationClientBuilder> customizer) {
    CloudFormationClientBuilder builder = configure(CloudFormationClient.builder());
    customizer.accept(builder);
    return track(builder.build());
  }

  public RedshiftClient redshift() {
    return track(configure(RedshiftClient.builder()).build());
  }

  public EmrServerlessClient emrServerless() {
    return track(configure(EmrServerlessClient.builder()).build());
  }

  /** An S3 client using path-style addressing ({@code /bucket/key}), as a fake on 127.0.0.1 needs. */
  public S3Client s3() {
    return track(configure(S3Client.builder()).forcePathStyle(true).build());
  }

  public StsClient sts() {
    return track(configure(StsClient.builder()).build());
  }

  private synchronized SdkHttpClient httpClient() {
    if (httpClient == null) {
      httpClient = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build();
    }
    return httpClient;
  }

  private <T extends SdkClient> T track(T client) {
    clients.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    clients.forEach(SdkClient::close);
    clients.clear();
    if (httpClient != null) {
      httpClient.close();
      httpClient = null;
    }
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  // ---- routing ----

  private void exchange(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      FakeRequest request = new FakeRequest(UUID.randomUUID().toString(), exchange.getRequestMethod(),
          uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body);
      FakeResponse response = route(request);
      exchange.getResponseHeaders().set("x-amzn-RequestId", request.requestId());
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
      if (!noBody) {
        exchange.getResponseBody().write(response.body());
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "fake AWS: client went away", e);
    } finally {
      exchange.close();
    }
  }

  FakeResponse route(FakeRequest request) {
    FakeService target = null;
    try {
      for (FakeService service : services) {
        if (service.accepts(request)) {
          target = service;
          return service.serve(request);
        }
      }
      return unknownService(request);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "fake AWS bug answering " + request.method() + " " + request.path(), e);
      AwsError error = new AwsError(500, "InternalFailure", "Fake AWS failed: " + e);
      return target != null ? target.errorResponse(error, request) : unknownService(request);
    }
  }

  private static FakeResponse unknownService(FakeRequest request) {
    if (request.isForm() && request.form().has("Action")) {
      AwsError error = new AwsError(400, "InvalidAction", "Could not find operation "
          + request.form().get("Action") + " for version " + request.form().get("Version"));
      return FakeResponse.xml(400, error.queryXml(request.requestId(), null));
    }
    AwsError error = new AwsError(400, "UnknownOperationException", "No fake service answers "
        + request.method() + " " + request.path()
        + (request.signingService() == null ? "" : " (" + request.signingService() + ")"));
    if (request.contentType().contains("json") || request.path().startsWith("/applications")) {
      return FakeResponse.json(400, error.json(), Map.of("x-amzn-ErrorType", error.code()));
    }
    return FakeResponse.xml(400, error.restXml(request.requestId()));
  }
}
