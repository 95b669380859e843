package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.environment.sizing.EnvironmentCost;
import io.brighthive.loadstress.environment.sizing.NetworkSettings;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.environment.sizing.SparkSettings;
import io.brighthive.loadstress.environment.sizing.WarehouseSettings;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The human-readable summary.txt of a render: stacks, resource counts, sizes and cost. */
public final class RenderSummary {
  private RenderSummary() {}

  public static String describe(RenderedEnvironment rendered, EnvironmentCost cost) {
    ResolvedEnvironment env = rendered.environment();
    StringBuilder out = new StringBuilder(header(env));
    out.append("Stacks, in creation order (delete in reverse):\n");
    for (RenderedStack stack : rendered.creationOrder()) {
      out.append(String.format(Locale.ROOT, "  %s (%s), template %s.json\n",
          stack.stackName(), stack.component().id(), stack.stackName()));
      for (StackParameter p : stack.parameters()) {
        out.append(String.format(Locale.ROOT, "    parameter %s <- %s output %s\n",
            p.name(), p.source().component().id(), p.source().outputKey()));
      }
      resourceCounts(stack).forEach((type, count) ->
          out.append(String.format(Locale.ROOT, "    %-40s %3d\n", type, count)));
    }
    out.append(sizes(env));
    out.append(costs(cost));
    return out.toString();
  }

  public static String describeLocal(ResolvedEnvironment env) {
    return header(env)
        + "No CloudFormation templates are rendered for local environments: they use no AWS at all\n"
        + "(the data lake is a directory, jobs run as local Spark, results are files).\n";
  }

  static Map<String, Integer> resourceCounts(RenderedStack stack) {
    Map<String, Integer> counts = new TreeMap<>();
    JsonNode resources = stack.template().path("Resources");
    resources.properties().forEach(entry -> counts.merge(entry.getValue().path("Type").asText(), 1, Integer::sum));
    return counts;
  }

  private static String header(ResolvedEnvironment env) {
    return String.format(Locale.ROOT, "Environment %s/%s: mode %s, provider %s%s\n\n",
        env.namespace(), env.name(), lower(env.mode().name()), lower(env.provider().name()),
        env.region().map(r -> ", region " + r).orElse(""));
  }

  private static String sizes(ResolvedEnvironment env) {
    WarehouseSettings rs = env.redshift();
    SparkSettings emr = env.emr();
    NetworkSettings net = env.network();
    StringBuilder out = new StringBuilder("\nSizes:\n");
    out.append(String.format(Locale.ROOT, "  Redshift: %d x %s, %s\n", rs.nodes(), rs.nodeType().awsName(), rs.clusterType()));
    out.append(String.format(Locale.ROOT, "  EMR Serverless %s: driver %d x %s; executors %d x %s\n",
        emr.releaseLabel(), emr.driver().count(), emr.driver().describe(),
        emr.executor().count(), emr.executor().describe()));
    out.append(String.format(Locale.ROOT, "  EMR maximum capacity: %d vCPU / %d GB / %d GB disk; idle stop after %d min\n",
        emr.maximumCapacity().cpu(), emr.maximumCapacity().memoryGb(), emr.maximumCapacity().diskGb(),
        emr.idleTimeoutMinutes()));
    out.append(String.format(Locale.ROOT, "  VPC: %s over %d zone(s), %d NAT gateway(s)\n",
        net.cidr(), net.maxAzs(), net.natGateways()));
    out.append(String.format(Locale.ROOT, "  Data: %,d records, seed %d\n",
        env.dataGeneration().records(), env.dataGeneration().seed()));
    return out.toString();
  }

  private static String costs(EnvironmentCost cost) {
    return String.format(Locale.ROOT, "\nEstimated cost (on-demand prices of %s, price table of %s):\n", cost.prices().region(),
        cost.prices().asOf())
        + String.format(Locale.ROOT, "  idle: $%.2f per hour, $%.2f per day"
            + " (Redshift $%.4f/h, NAT gateways $%.4f/h, alarms and dashboard $%.4f/h, data lake $%.4f/h)\n",
            cost.hourly(), cost.daily(), cost.redshiftHourly(), cost.networkHourly(), cost.monitoringHourly(),
            cost.storageHourly())
        + String.format(Locale.ROOT, "  while the EMR application is started (pre-initialized workers): +$%.2f per hour,"
            + " +$%.2f per day\n", cost.emrRunningHourly(), cost.emrRunningDaily());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
