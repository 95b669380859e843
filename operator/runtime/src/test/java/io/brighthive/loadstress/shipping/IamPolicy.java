package io.brighthive.loadstress.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operator's IAM policies (helm/loadstress-operator/docs/iam-policy-*.json) and a small
 * evaluator: does some Allow statement cover an action on a resource, for a call the operator
 * makes itself? Wildcards in actions and resources are matched as IAM does; policy variables are
 * replaced by the account of the request. Conditions are assumed to hold, except those that only
 * hold for calls made by an AWS service on the operator's behalf (aws:CalledVia, aws:ViaAWSService).
 */
final class IamPolicy {
  static final Path DOCS = Path.of("../../helm/loadstress-operator/docs");
  /** IAM's limit for a customer managed policy, white space not counted. */
  static final int MANAGED_POLICY_MAX = 6144;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Statement(String file, String sid, boolean allow, List<String> actions, List<String> resources, JsonNode condition) {
    boolean onlyThroughAwsServices() {
      return condition != null && condition.toString().matches(".*\"aws:(CalledVia|CalledViaFirst|CalledViaLast|ViaAWSService)\".*");
    }

    boolean covers(String action, String resource, String account) {
      return actions.stream().anyMatch(a -> glob(a, true).matcher(action).matches())
          && resources.stream().anyMatch(r -> glob(r.replace("${aws:PrincipalAccount}", account), false).matcher(resource).matches());
    }
  }

  private final List<Statement> statements;
  private final List<Path> files;

  private IamPolicy(List<Path> files, List<Statement> statements) {
    this.files = files;
    this.statements = statements;
  }

  static IamPolicy load() {
    try (Stream<Path> list = Files.list(DOCS)) {
      List<Path> files = list.filter(p -> p.getFileName().toString().matches("iam-policy-.*\\.json")).sorted().toList();
      List<Statement> statements = new ArrayList<>();
      for (Path file : files) {
        JsonNode doc = JSON.readTree(file.toFile());
        if (!"2012-10-17".equals(doc.path("Version").asText())) {
          throw new AssertionError(file + ": Version must be 2012-10-17 (policy variables need it)");
        }
        for (JsonNode s : doc.path("Statement")) {
          statements.add(new Statement(file.getFileName().toString(), s.path("Sid").asText(null), "Allow".equals(s.path("Effect").asText()),
              strings(s.get("Action")), strings(s.get("Resource")), s.get("Condition")));
        }
      }
      return new IamPolicy(files, statements);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Statement> statements() {
    return statements;
  }

  List<Path> files() {
    return files;
  }

  /** Is a direct call of {@code action} on {@code resource} allowed, and not explicitly denied? */
  boolean allowsDirectCall(String action, String resource, String account) {
    boolean allowed = statements.stream()
        .anyMatch(s -> s.allow() && !s.onlyThroughAwsServices() && s.covers(action, resource, account));
    boolean denied = statements.stream()
        .anyMatch(s -> !s.allow() && s.condition() == null && s.covers(action, resource, account));
    return allowed && !denied;
  }

  /** IAM wildcards: * any run of characters, ? one character; action names ignore case. */
  static Pattern glob(String pattern, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return ignoreCase ? Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE) : Pattern.compile(regex.toString());
  }

  static int sizeWithoutWhiteSpace(Path file) {
    try {
      return JSON.writeValueAsString(JSON.readTree(file.toFile())).length();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  static String service(String action) {
    return action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
  }
}
