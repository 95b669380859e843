package io.brighthive.loadstress.environment.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The manual WLM configuration: the source's three queues (ETL 50% memory and 3 slots, analytics
 * 35% and 5, short 15% and 10 with a 60 s limit) with the query monitoring rules the source
 * defined but never applied, now attached to every queue.
 *
 * <p>What makes it valid ("Configuring workload management", Redshift management guide): the last
 * queue is the default queue and may name no user or query groups, so the short queue goes last
 * and takes every query not labelled etl or analytics (the source gave it a query group, which
 * the default queue cannot have); memory percentages add up to at most 100; rule names are unique
 * across the configuration, at most 32 characters of letters, digits and underscores, and at most
 * 25 rules in all. The 60 s limit is a query monitoring rule on query_execution_time rather than
 * the deprecated max_execution_time timeout ("WLM query monitoring rules", developer guide).
 */
final class WlmConfiguration {
  /** query_execution_time is in seconds. */
  static final int ABORT_AFTER_SECONDS = 300;
  static final int SHORT_QUEUE_LIMIT_SECONDS = 60;
  /** query_cpu_time is in seconds. */
  static final int LOG_CPU_SECONDS = 100;
  /** query_temp_blocks_to_disk counts 1 MB blocks; any spill is logged. */
  static final int LOG_SPILL_BLOCKS = 0;

  private WlmConfiguration() {}

  /** The value of the wlm_json_configuration parameter, compact JSON. */
  static String json() {
    return Cfn.arrayOf(queues()).toString();
  }

  static List<Props> queues() {
    return List.of(
        queue("etl_queue", "etl", 3, 50, ABORT_AFTER_SECONDS),
        queue("analytics_queue", "analytics", 5, 35, ABORT_AFTER_SECONDS),
        queue("short_query_queue", null, 10, 15, SHORT_QUEUE_LIMIT_SECONDS));
  }

  private static Props queue(String name, String queryGroup, int concurrency, int memory, int abortSeconds) {
    String rulePrefix = name.substring(0, name.indexOf('_'));
    return Props.of()
        .put("name", name)
        .put("queue_type", "manual")
        .put("query_concurrency", concurrency)
        .put("memory_percent_to_use", memory)
        .put("query_group", queryGroup == null ? List.of() : List.of(queryGroup))
        .put("query_group_wild_card", 0)
        .put("user_group", List.of())
        .put("user_group_wild_card", 0)
        .put("rules", rules(rulePrefix, abortSeconds));
  }

  private static List<Props> rules(String prefix, int abortSeconds) {
    List<Props> rules = new ArrayList<>();
    rules.add(rule(prefix + "_abort_over_" + abortSeconds + "s", "query_execution_time", abortSeconds, "abort"));
    rules.add(rule(prefix + "_log_cpu_over_" + LOG_CPU_SECONDS + "s", "query_cpu_time", LOG_CPU_SECONDS, "log"));
    rules.add(rule(prefix + "_log_disk_spill", "query_temp_blocks_to_disk", LOG_SPILL_BLOCKS, "log"));
    return rules;
  }

  private static Props rule(String name, String metric, int value, String action) {
    return Props.of()
        .put("rule_name", name)
        .put("predicate", List.of(Props.of().put("metric_name", metric).put("operator", ">").put("value", value)))
        .put("action", action);
  }
}
