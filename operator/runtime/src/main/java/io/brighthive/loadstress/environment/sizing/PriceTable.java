package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * On-demand list prices in USD for one region.
 *
 * @param emrFreeStorageGbPerWorker ephemeral storage each EMR Serverless worker gets without charge
 * @param emrStorageGbHour ephemeral storage beyond the free allowance
 * @param alarmMonth one standard-resolution metric alarm for a month
 * @param dashboardMonth one dashboard for a month (the first three of an account are free; not counted)
 */
public record PriceTable(
    String region,
    LocalDate asOf,
    String source,
    Map<RedshiftNodeType, Double> redshiftNodeHour,
    double natGatewayHour,
    double publicIpv4Hour,
    double emrVcpuHour,
    double emrGbHour,
    int emrFreeStorageGbPerWorker,
    double emrStorageGbHour,
    double s3GbMonth,
    double alarmMonth,
    double dashboardMonth) {

  public static final double HOURS_PER_MONTH = 730.0;

  /**
   * US West (Oregon), transcribed on 2026-11-26 from the AWS price pages: Amazon Redshift pricing
   * (provisioned on-demand RA3 nodes), Amazon VPC pricing (NAT gateway hour; public IPv4 address
   * hour, charged since 2024-02-01 for the NAT gateways' Elastic IPs), Amazon EMR pricing (EMR
   * Serverless, x86: per vCPU-hour, per GB-hour, storage per GB-hour beyond 20 GB per worker),
   * Amazon S3 pricing (S3 Standard, first 50 TB) and Amazon CloudWatch pricing (standard-resolution
   * alarm per metric, dashboard per month). These pages render their tables with JavaScript and
   * could not be fetched from the build machines; the figures were checked against several public
   * copies of them. Re-check before quoting, and update {@code asOf}.
   *
   * <p>EMR Serverless bills pre-initialized capacity for as long as the application is started,
   * whether or not a job runs; auto-stop after the idle timeout ends that.
   */
  public static final PriceTable US_WEST_2 = new PriceTable(
      "us-west-2",
      LocalDate.of(2026, 11, 26),
      "aws.amazon.com/redshift/pricing, /vpc/pricing, /emr/pricing, /s3/pricing, /cloudwatch/pricing",
      nodePrices(0.543, 1.086, 3.26, 13.04),
      0.045,
      0.005,
      0.052624,
      0.0057785,
      20,
      0.000111,
      0.023,
      0.10,
      3.00);

  public PriceTable {
    redshiftNodeHour = Map.copyOf(redshiftNodeHour);
  }

  private static Map<RedshiftNodeType, Double> nodePrices(double large, double xlplus, double x4, double x16) {
    Map<RedshiftNodeType, Double> prices = new EnumMap<>(RedshiftNodeType.class);
    prices.put(RedshiftNodeType.RA3_LARGE, large);
    prices.put(RedshiftNodeType.RA3_XLPLUS, xlplus);
    prices.put(RedshiftNodeType.RA3_4XLARGE, x4);
    prices.put(RedshiftNodeType.RA3_16XLARGE, x16);
    return prices;
  }
}
