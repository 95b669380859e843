package io.brighthive.loadstress;

import io.brighthive.loadstress.cli.RenderCommand;
import io.brighthive.loadstress.cli.DevCommand;
import io.brighthive.loadstress.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: the operator's commands. */
@Command(
    name = "loadstress-operator",
    mixinStandardHelpOptions = true,
    versionProvider = LoadstressOperator.Version.class,
    description = "Kubernetes operator for AWS load/stress test environments of a data platform.",
    subcommands = {RunCommand.class, DevCommand.class, RenderCommand.class})
public final class LoadstressOperator implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadstressOperator()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, for example: render -f examples/environment-subset.yaml -o out/");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LoadstressOperator.class.getPackage().getImplementationVersion();
      return new String[] {"loadstress-operator " + (v == null ? "development build" : v)};
    }
  }
}
