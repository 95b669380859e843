package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.CostEstimate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Estimated cost in USD. {@code hourly} is what the environment costs while it stands idle
 * (Redshift unless suspended, NAT gateways with their public IPs, alarms and dashboard, stored
 * data); {@code emrRunningHourly} is added while the EMR application is started.
 */
public record EnvironmentCost(
    double redshiftHourly,
    double networkHourly,
    double monitoringHourly,
    double storageHourly,
    double emrRunningHourly,
    PriceTable prices) {

  public double hourly() {
    return redshiftHourly + networkHourly + monitoringHourly + storageHourly;
  }

  public double daily() {
    return hourly() * 24;
  }

  public double emrRunningDaily() {
    return emrRunningHourly * 24;
  }

  /** The status block: idle cost, rounded to cents, with the price table's date. */
  public CostEstimate toStatus() {
    CostEstimate estimate = new CostEstimate();
    estimate.setHourlyUsd(cents(hourly()));
    estimate.setDailyUsd(cents(daily()));
    estimate.setPriceTableDate(prices.asOf().toString());
    return estimate;
  }

  private static double cents(double usd) {
    return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
