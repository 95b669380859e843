package io.brighthive.loadstress.awsfake.cloudformation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The switches that make stack operations fail on a named resource. */
final class StackFailureRules {

  enum Kind { CREATE, UPDATE, DELETE }

  record Rule(Kind kind, Pattern stackName, String logicalId, String reason) {
  }

  static final String DEFAULT_REASON = "Resource handler returned message: \"Simulated failure of the AWS fake\" "
      + "(HandlerErrorCode: GeneralServiceException)";

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  void add(Kind kind, String stackNamePattern, String logicalId, String reason) {
    rules.add(new Rule(kind, Pattern.compile(stackNamePattern), logicalId, reason == null ? DEFAULT_REASON : reason));
  }

  Optional<Rule> match(Kind kind, String stackName) {
    return rules.stream().filter(r -> r.kind() == kind && r.stackName().matcher(stackName).matches()).findFirst();
  }

  void remove(Kind kind, String stackNamePattern) {
    rules.removeIf(r -> r.kind() == kind && r.stackName().pattern().equals(stackNamePattern));
  }

  void clear() {
    rules.clear();
  }
}
