package io.brighthive.loadstress.dev;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server for development, in this JVM, that the real {@code kubectl} and the fabric8 client (and
 * so the operator) can use. Objects live in fabric8's CRUD mock ({@code KubernetesCrudDispatcher}); around it this
 * server adds what kubectl needs: discovery (aggregated and legacy), an OpenAPI v3 document built from the CRD
 * schemas, server-side Tables from the CRDs' printer columns, every PATCH type including server-side apply,
 * label and field selectors, and watches streamed over chunked HTTP as well as WebSockets.
 *
 * <pre>{@code
 * try (DevApiServer server = DevApiServer.start(DevApiServerOptions.defaults())) {
 *   // KUBECONFIG=<server.kubeconfig()> kubectl get lse
 *   KubernetesClient client = server.client();
 * }
 * }</pre>
 *
 * <p>Not a conformant API server: no authentication or authorization; of admission, only the pruning (and, with
 * {@code fieldValidation=Strict}, rejection) of fields a CRD does not declare, so types, enums, patterns and CEL
 * rules are not enforced; no garbage collection or namespace lifecycle; server-side apply tracks no field managers;
 * only JSON (kubectl's typed commands such as {@code kubectl create namespace} send protobuf and get 415).
 * kubectl 1.27 or newer is needed: older ones validate and explain through OpenAPI v2, which is not served.
 */
public final class DevApiServer implements AutoCloseable {
  private static final int WATCH_LOG_CAPACITY = 4096;
  private final HttpFront front;
  private final String url;
  private final Path kubeconfig;
  private final boolean temporaryKubeconfig;
  private final String namespace;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();

  private DevApiServer(DevApiServerOptions options, Clock clock) {
    WatchHub hub = new WatchHub(WATCH_LOG_CAPACITY);
    CrudStore store = new CrudStore(hub);
    Seeds.install(store, options.crdFiles());
    ApiCatalog catalog = new ApiCatalog(() -> List.copyOf(hub.objects(BuiltinResources.APIEXTENSIONS, BuiltinResources.CRDS)));
    TableConverter tables = new TableConverter(clock);
    String[] address = new String[1];
    Discovery discovery = new Discovery(catalog, () -> address[0]);
    Router router = new Router(discovery, new OpenApiDocuments(catalog), catalog, new ResourceHandler(store, tables));
    front = new HttpFront(router, hub, tables, options.bookmarkInterval());
    int port;
    try {
      port = front.start(options.host(), options.port());
    } catch (RuntimeException e) {
      front.close();
      throw e;
    }
    address[0] = options.host() + ":" + port;
    url = "http://" + address[0];
    namespace = options.namespace();
    temporaryKubeconfig = options.kubeconfig() == null;
    kubeconfig = temporaryKubeconfig ? temporaryFile() : options.kubeconfig();
    Kubeconfig.write(kubeconfig, url, namespace);
  }

  /** Installs the CRDs, listens, and writes the kubeconfig. */
  public static DevApiServer start(DevApiServerOptions options) {
    return new DevApiServer(options, Clock.systemUTC());
  }

  static DevApiServer start(DevApiServerOptions options, Clock clock) {
    return new DevApiServer(options, clock);
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}. */
  public String url() {
    return url;
  }

  public int port() {
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
  }

  /** The kubeconfig to hand to kubectl ({@code KUBECONFIG=...} or {@code --kubeconfig}). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * A new fabric8 client for this server, on the JDK HTTP client (fabric8's Vert.x client is on the classpath too,
   * so the factory is named). The caller closes it; {@link #close()} closes any still open.
   */
  public KubernetesClient client() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace(namespace)
        .withOauthToken(Kubeconfig.TOKEN).build();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory()).build();
    clients.add(client);
    return client;
  }

  /** Ends all watches, stops listening, and removes a temporary kubeconfig. */
  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    front.close();
    if (temporaryKubeconfig) {
      try {
        Files.deleteIfExists(kubeconfig);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("loadstress-dev-kubeconfig-", ".yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
