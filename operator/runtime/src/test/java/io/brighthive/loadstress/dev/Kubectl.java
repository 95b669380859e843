package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real kubectl binary, pointed at one dev API server, with a discovery cache of its own. */
public final class Kubectl {
  private static final int MINIMUM_MINOR = 27;
  private static Path located;
  private final Path binary;
  private final Path kubeconfig;
  private final Path cacheDir;

  public Kubectl(Path kubeconfig, Path workDir) {
    this.binary = locate();
    this.kubeconfig = kubeconfig;
    this.cacheDir = workDir.resolve("kube-cache");
  }

  public record Result(int exitCode, String out, String err) {
    public Result succeeded() {
      if (exitCode != 0) {
        fail("kubectl exited with " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
      }
      return this;
    }
  }

  public Result run(String... args) {
    return run(Map.of(), args);
  }

  public Result run(Map<String, String> environment, String... args) {
    Process process = start(environment, args);
    try {
      var out = drain(process.getInputStream());
      var err = drain(process.getErrorStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("kubectl " + String.join(" ", args) + " did not finish within 30 s");
      }
      out.join();
      err.join();
      return new Result(process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl (for {@code get -w} or a waiting delete) and collects its output while it runs. */
  public Running background(String... args) {
    Process process = start(Map.of(), args);
    return new Running(process, drain(process.getInputStream()), drain(process.getErrorStream()));
  }

  public record Running(Process process, Collector out, Collector err) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
    }
  }

  private Process start(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", cacheDir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a stream to its end on a thread of its own; {@link #text()} is what has arrived so far. */
  public static final class Collector extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Collector(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] chunk = new byte[4096];
      try {
        for (int n; (n = in.read(chunk)) > 0; ) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
    }

    public String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static Collector drain(InputStream in) {
    Collector collector = new Collector(in);
    collector.start();
    return collector;
  }

  /**
   * $KUBECTL, else kubectl on the PATH, at least 1.27: older clients validate and explain through OpenAPI v2
   * (protobuf), which this server does not serve.
   */
  static synchronized Path locate() {
    if (located == null) {
      located = find();
      String version = versionOf(located);
      java.util.regex.Matcher minor = java.util.regex.Pattern.compile("\"minor\":\\s*\"(\\d+)").matcher(version);
      if (!minor.find() || Integer.parseInt(minor.group(1)) < MINIMUM_MINOR) {
        fail(located + " is not kubectl 1." + MINIMUM_MINOR + " or newer (" + version.replaceAll("\\s+", " ")
            + "); set KUBECTL to a newer one");
      }
    }
    return located;
  }

  private static Path find() {
    Optional<Path> explicit = Optional.ofNullable(System.getenv("KUBECTL")).map(Path::of).filter(Files::isExecutable);
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable).findFirst()
        .orElseGet(() -> fail("these tests drive the real kubectl (1." + MINIMUM_MINOR + " or newer), which is not on "
            + "the PATH (" + path + "); install it or set KUBECTL to its path"));
  }

  private static String versionOf(Path kubectl) {
    try {
      Process process = new ProcessBuilder(kubectl.toString(), "version", "--client", "-o", "json").start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
