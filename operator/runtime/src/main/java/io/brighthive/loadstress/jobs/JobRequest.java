package io.brighthive.loadstress.jobs;

import java.util.List;

/**
 * One Spark job to run: the spark-generator entry point with its arguments.
 *
 * @param clientToken idempotency token: submitting the same token twice starts one run
 * @param name a readable run name
 * @param arguments the spark-generator command line, such as {@code generate --lake … --records …}
 */
public record JobRequest(String clientToken, String name, List<String> arguments) {
  public JobRequest {
    arguments = List.copyOf(arguments);
  }
}
