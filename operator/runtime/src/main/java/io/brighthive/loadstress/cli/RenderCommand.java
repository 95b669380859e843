package io.brighthive.loadstress.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.brighthive.loadstress.api.ApiGroup;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.environment.render.EnvironmentRenderer;
import io.brighthive.loadstress.environment.render.RenderSummary;
import io.brighthive.loadstress.environment.render.RenderedEnvironment;
import io.brighthive.loadstress.environment.render.RenderedStack;
import io.brighthive.loadstress.environment.sizing.CostEstimator;
import io.brighthive.loadstress.environment.sizing.EnvironmentSizing;
import io.brighthive.loadstress.environment.sizing.EnvironmentSpecValidator;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render -f environment.yaml -o out/}: validates LoadstressEnvironment documents and writes
 * their CloudFormation templates ({@code <stack-name>.json}) and a summary.txt, without AWS access.
 * Any invalid document fails the whole run with exit code 1 before anything is written.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render the CloudFormation templates of LoadstressEnvironment manifests, offline.")
public final class RenderCommand implements Callable<Integer> {
  static final String SUMMARY_FILE = "summary.txt";
  private static final String KIND = "LoadstressEnvironment";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
      description = "YAML file with one or more LoadstressEnvironment documents; repeatable.")
  private List<Path> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to write the templates and summary.txt into; created if missing.")
  private Path output;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = new ArrayList<>();
    List<LoadstressEnvironment> environments = read(problems);
    for (LoadstressEnvironment environment : environments) {
      String id = environment.getMetadata() == null ? "(no metadata)"
          : environment.getMetadata().getNamespace() + "/" + environment.getMetadata().getName();
      EnvironmentSpecValidator.validate(environment).forEach(p -> problems.add(id + ": " + p));
    }
    if (!problems.isEmpty()) {
      err.println("Nothing was written; the input has " + problems.size() + " problem(s):");
      problems.forEach(p -> err.println("  " + p));
      err.flush();
      return 1;
    }
    Map<String, String> outputs = render(environments);
    try {
      Files.createDirectories(output);
      for (Map.Entry<String, String> file : outputs.entrySet()) {
        Files.writeString(output.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("Could not write to " + output + ": " + e.getMessage());
      err.flush();
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote " + (outputs.size() - 1) + " template(s) and " + SUMMARY_FILE + " to " + output);
    out.flush();
    return 0;
  }

  /** File name to content, summary last; everything is rendered before anything is written. */
  private static Map<String, String> render(List<LoadstressEnvironment> environments) {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder summary = new StringBuilder();
    for (LoadstressEnvironment environment : environments) {
      ResolvedEnvironment env = EnvironmentSizing.resolve(environment);
      if (!summary.isEmpty()) {
        summary.append("\n");
      }
      if (env.provider() == Provider.LOCAL) {
        summary.append(RenderSummary.describeLocal(env));
        continue;
      }
      RenderedEnvironment rendered = EnvironmentRenderer.render(env);
      for (RenderedStack stack : rendered.creationOrder()) {
        files.put(stack.stackName() + ".json", stack.prettyTemplate());
      }
      summary.append(RenderSummary.describe(rendered, CostEstimator.estimate(env, PriceTable.US_WEST_2)));
    }
    files.put(SUMMARY_FILE, summary.toString());
    return files;
  }

  private List<LoadstressEnvironment> read(List<String> problems) {
    List<LoadstressEnvironment> environments = new ArrayList<>();
    for (Path file : files) {
      int index = 0;
      try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
          MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          index++;
          if (document == null || document.isNull() || document.isEmpty()) {
            continue;
          }
          convert(document, file + " document " + index, problems).ifPresent(environments::add);
        }
      } catch (IOException | RuntimeException e) {
        problems.add(file + ": cannot be read as YAML: " + e.getMessage());
      }
    }
    if (environments.isEmpty() && problems.isEmpty()) {
      problems.add("no " + KIND + " document in " + files);
    }
    return environments;
  }

  private static Optional<LoadstressEnvironment> convert(JsonNode document, String where,
      List<String> problems) {
    String kind = document.path("kind").asText();
    String apiVersion = document.path("apiVersion").asText();
    if (!KIND.equals(kind) || !(ApiGroup.GROUP + "/" + ApiGroup.VERSION).equals(apiVersion)) {
      problems.add(where + ": is " + apiVersion + " " + kind + ", not " + ApiGroup.GROUP + "/" + ApiGroup.VERSION + " "
          + KIND);
      return Optional.empty();
    }
    try {
      LoadstressEnvironment environment = STRICT.treeToValue(document, LoadstressEnvironment.class);
      if (environment.getMetadata() != null && environment.getMetadata().getNamespace() == null) {
        environment.getMetadata().setNamespace(EnvironmentSizing.DEFAULT_NAMESPACE);
      }
      return Optional.of(environment);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
      return Optional.empty();
    }
  }
}
