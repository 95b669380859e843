package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.Provider;

/** Estimates what an environment costs from its effective sizes and a {@link PriceTable}. */
public final class CostEstimator {
  /** Alarms and dashboards the Monitoring stack creates. */
  public static final int ALARMS = 5;
  public static final int DASHBOARDS = 1;
  /** Parquet bytes per orders row measured on the generator (DESIGN.md section 10). */
  static final double BYTES_PER_RECORD = 22.0;

  private CostEstimator() {}

  /** A local environment runs on the operator's machine: no AWS bill, so zero. */
  public static EnvironmentCost estimate(ResolvedEnvironment env, PriceTable prices) {
    if (env.provider() == Provider.LOCAL) {
      return new EnvironmentCost(0, 0, 0, 0, 0, prices);
    }
    WarehouseSettings rs = env.redshift();
    // A paused cluster bills storage only; a suspended environment's cluster is paused.
    double redshift = env.suspend() ? 0 : rs.nodes() * prices.redshiftNodeHour().get(rs.nodeType());
    double network = env.network().natGateways() * (prices.natGatewayHour() + prices.publicIpv4Hour());
    double monitoring = (ALARMS * prices.alarmMonth() + DASHBOARDS * prices.dashboardMonth()) / PriceTable.HOURS_PER_MONTH;
    double gigabytes = env.dataGeneration().records() * BYTES_PER_RECORD / 1e9;
    double storage = gigabytes * prices.s3GbMonth() / PriceTable.HOURS_PER_MONTH;
    SparkSettings emr = env.emr();
    double running = workers(emr.driver(), prices) + workers(emr.executor(), prices);
    return new EnvironmentCost(redshift, network, monitoring, storage, running, prices);
  }

  /** Pre-initialized workers of one group for an hour, disk beyond the free 20 GB included. */
  private static double workers(WorkerGroup group, PriceTable prices) {
    double disk = Math.max(0, group.diskGb() - prices.emrFreeStorageGbPerWorker()) * prices.emrStorageGbHour();
    return group.count() * (group.cpu() * prices.emrVcpuHour() + group.memoryGb() * prices.emrGbHour() + disk);
  }
}
