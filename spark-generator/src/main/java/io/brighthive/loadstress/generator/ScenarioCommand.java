package io.brighthive.loadstress.generator;

import java.io.PrintStream;

/** {@code scenario}: the stress scenarios come in a later change; until then say so and fail. */
final class ScenarioCommand {

  static final int NOT_BUILT = 2;

  private ScenarioCommand() {}

  static int run(PrintStream err) {
    err.println("scenario: the scenario runner is not built yet (only 'generate' is available)");
    return NOT_BUILT;
  }
}
