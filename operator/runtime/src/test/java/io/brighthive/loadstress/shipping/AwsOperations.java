package io.brighthive.loadstress.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS API operations the operator calls, found in the main sources of the {@code aws} package:
 * every {@code <client>.<operation>(} on a variable of an SDK client type, and the STS AssumeRole
 * behind {@code StsAssumeRoleCredentialsProvider}, mapped to the IAM actions that authorize them.
 */
final class AwsOperations {
  static final Path AWS_PACKAGE = Path.of("src/main/java/io/brighthive/loadstress/aws");

  /** SDK client class to IAM service prefix. An SDK client missing here fails the test: add it. */
  static final Map<String, String> PREFIXES = Map.of(
      "CloudFormationClient", "cloudformation",
      "S3Client", "s3",
      "RedshiftClient", "redshift",
      "RedshiftDataClient", "redshift-data",
      "EmrServerlessClient", "emr-serverless",
      "StsClient", "sts",
      "CloudWatchClient", "cloudwatch",
      "CloudWatchLogsClient", "logs");

  /**
   * SDK methods whose IAM action is not the operation's own name (S3 authorizes object and listing
   * APIs by a few broader actions). Every S3 method must be listed: S3's names differ too often.
   */
  static final Map<String, List<String>> ACTIONS = Map.ofEntries(
      Map.entry("s3:listObjectsV2", List.of("s3:ListBucket")),
      Map.entry("s3:listObjectsV2Paginator", List.of("s3:ListBucket")),
      Map.entry("s3:listObjects", List.of("s3:ListBucket")),
      Map.entry("s3:headBucket", List.of("s3:ListBucket")),
      Map.entry("s3:deleteObjects", List.of("s3:DeleteObject")),
      Map.entry("s3:deleteObject", List.of("s3:DeleteObject")),
      Map.entry("s3:getObject", List.of("s3:GetObject")),
      Map.entry("s3:getObjectAsBytes", List.of("s3:GetObject")),
      Map.entry("s3:headObject", List.of("s3:GetObject")),
      Map.entry("s3:putObject", List.of("s3:PutObject")),
      Map.entry("s3:copyObject", List.of("s3:GetObject", "s3:PutObject")),
      // StartJobRun hands the job its execution role.
      Map.entry("emr-serverless:startJobRun", List.of("emr-serverless:StartJobRun", "iam:PassRole")));

  /** Methods of a client that make no API call. */
  private static final Set<String> NOT_CALLS = Set.of("close", "serviceName", "serviceClientConfiguration", "utilities");
  private static final Pattern DECLARATION = Pattern.compile("\\b(\\w+Client)\\s+(\\w+)\\s*[;,)=]");

  private AwsOperations() {}

  /** One SDK call found in the code. */
  record Call(String file, String client, String method) {
    String key() {
      return PREFIXES.get(client) + ":" + method;
    }
  }

  static List<Call> callsInCode() {
    List<Call> calls = new ArrayList<>();
    for (Path file : files()) {
      String text = read(file);
      Map<String, String> variables = new LinkedHashMap<>();
      Matcher d = DECLARATION.matcher(text);
      while (d.find()) {
        if (d.group(1).endsWith("Client") && !d.group(1).equals("SdkHttpClient") && !d.group(1).startsWith("Kubernetes")) {
          variables.put(d.group(2), d.group(1));
        }
      }
      variables.forEach((variable, client) -> {
        Matcher m = Pattern.compile("\\b" + variable + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(text);
        while (m.find()) {
          if (!NOT_CALLS.contains(m.group(1))) {
            calls.add(new Call(file.getFileName().toString(), client, m.group(1)));
          }
        }
      });
      if (text.contains("StsAssumeRoleCredentialsProvider")) {
        calls.add(new Call(file.getFileName().toString(), "StsClient", "assumeRole"));
      }
    }
    return calls;
  }

  /** The IAM actions one call needs; fails for a client or S3 method nobody has mapped yet. */
  static List<String> actions(Call call) {
    String prefix = PREFIXES.get(call.client());
    if (prefix == null) {
      throw new AssertionError(call.file() + " calls " + call.client() + "." + call.method()
          + ": add " + call.client() + " to AwsOperations.PREFIXES and its actions to the IAM policy");
    }
    List<String> mapped = ACTIONS.get(call.key());
    if (mapped != null) {
      return mapped;
    }
    if (prefix.equals("s3") || call.method().equals("waiter")) {
      throw new AssertionError(call.file() + " calls " + call.client() + "." + call.method()
          + ": map it to its IAM actions in AwsOperations.ACTIONS");
    }
    String operation = call.method().replaceFirst("Paginator$", "");
    return List.of(prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
  }

  static Set<String> actionsInCode() {
    Set<String> actions = new TreeSet<>();
    callsInCode().forEach(c -> actions.addAll(actions(c)));
    return actions;
  }

  private static List<Path> files() {
    try (Stream<Path> files = Files.walk(AWS_PACKAGE)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
