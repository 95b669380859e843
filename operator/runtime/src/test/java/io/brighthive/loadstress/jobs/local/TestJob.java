package io.brighthive.loadstress.jobs.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny job for the local provider's tests: {@code ok}, {@code fail N}, {@code await FILE}, {@code
 * spawn PIDFILE}, {@code stubborn}, and {@code generate --lake L --records N}, which writes the
 * manifest spark-generator would.
 */
public final class TestJob {
  private TestJob() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "ok" -> System.out.println("generated 3 rows");
      case "fail" -> {
        System.out.println("starting");
        System.err.println("error: java.lang.IllegalStateException: the lake is read-only");
        System.err.println("\tat io.brighthive.Example.run(Example.java:12)");
        System.err.println("\t... 3 more");
        System.exit(Integer.parseInt(args[1]));
      }
      case "await" -> {
        while (!Files.exists(Path.of(args[1]))) {
          Thread.sleep(50);
        }
        System.out.println("released");
      }
      case "spawn" -> {
        Process child = new ProcessBuilder("sleep", "300").start();
        Files.writeString(Path.of(args[1] + ".tmp"), ProcessHandle.current().pid() + " " + child.pid());
        Files.move(Path.of(args[1] + ".tmp"), Path.of(args[1]));
        Thread.sleep(300_000);
      }
      case "stubborn" -> {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            Thread.sleep(300_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
        System.out.println("ignoring SIGTERM");
        Thread.sleep(300_000);
      }
      case "generate" -> {
        // Plays spark-generator: the manifest it writes last, in the lake named by --lake.
        java.util.List<String> list = java.util.Arrays.asList(args);
        // Only this class is on the job's classpath: the file: URI is taken apart by hand.
        Path lake = Path.of(list.get(list.indexOf("--lake") + 1).substring("file:".length()));
        long records = Long.parseLong(list.get(list.indexOf("--records") + 1));
        Files.createDirectories(lake);
        Files.writeString(lake.resolve("_manifest.json"), "{\"status\":\"COMPLETE\",\"records\":" + records
            + ",\"totalBytes\":" + records * 22 + ",\"durationSeconds\":1.5}");
        System.out.println("generate: wrote " + records + " records to " + lake);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
