package io.brighthive.loadstress.environment.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.brighthive.loadstress.api.environment.CostEstimate;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
  private static final Offset<Double> EXACT = within(1e-9);
  private static final PriceTable PRICES = PriceTable.US_WEST_2;
  /** 5 alarms at $0.10 and one dashboard at $3.00 a month, over 730 hours. */
  private static final double MONITORING = (5 * 0.10 + 3.00) / 730;

  @Test
  void subsetIdleIsOneNodeOneNatAndMonitoring() {
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(TestEnvironments.subset()), PRICES);

    assertThat(cost.redshiftHourly()).isCloseTo(1.086, EXACT);
    assertThat(cost.networkHourly()).isCloseTo(0.045 + 0.005, EXACT);
    assertThat(cost.monitoringHourly()).isCloseTo(MONITORING, EXACT);
    // 1,000,000 rows x 22 bytes = 0.022 GB at $0.023 a GB-month.
    assertThat(cost.storageHourly()).isCloseTo(0.022 * 0.023 / 730, EXACT);
    double hourly = 1.086 + 0.050 + MONITORING + 0.022 * 0.023 / 730;
    assertThat(cost.hourly()).isCloseTo(hourly, EXACT);
    assertThat(cost.daily()).isCloseTo(hourly * 24, EXACT);
    assertThat(cost.daily()).isCloseTo(27.3791, within(0.0001));
  }

  @Test
  void aLocalEnvironmentCostsNothingWhateverItsSizes() {
    var env = TestEnvironments.environment("default", "local", Mode.FULL, spec -> {
      spec.setProvider(io.brighthive.loadstress.api.environment.Provider.LOCAL);
      spec.setAws(null);
    });
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(env), PRICES);

    assertThat(cost.hourly()).isZero();
    assertThat(cost.emrRunningHourly()).isZero();
    assertThat(cost.toStatus().getDailyUsd()).isZero();
  }

  @Test
  void subsetEmrWhileStartedIsTheDriverAndTwoExecutors() {
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(TestEnvironments.subset()), PRICES);

    double driver = 4 * 0.052624 + 16 * 0.0057785;
    double executor = 16 * 0.052624 + 64 * 0.0057785;
    assertThat(driver).isCloseTo(0.302952, EXACT);
    assertThat(executor).isCloseTo(1.211808, EXACT);
    assertThat(cost.emrRunningHourly()).isCloseTo(driver + 2 * executor, EXACT);
    assertThat(cost.emrRunningHourly()).isCloseTo(2.726568, EXACT);
    assertThat(cost.emrRunningDaily()).isCloseTo(65.437632, EXACT);
  }

  @Test
  void fullIsTwoNodesAndTwentyLargeExecutors() {
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(TestEnvironments.full()), PRICES);

    assertThat(cost.redshiftHourly()).isCloseTo(2.172, EXACT);
    // 1,000,000,000 rows x 22 bytes = 22 GB.
    assertThat(cost.storageHourly()).isCloseTo(22 * 0.023 / 730, EXACT);
    assertThat(cost.hourly()).isCloseTo(2.172 + 0.050 + MONITORING + 22 * 0.023 / 730, EXACT);
    // 20 x (16 x 0.052624 + 120 x 0.0057785) + the driver's 0.302952.
    assertThat(cost.emrRunningHourly()).isCloseTo(20 * 1.535404 + 0.302952, EXACT);
    assertThat(cost.emrRunningHourly()).isCloseTo(31.011032, EXACT);
  }

  @Test
  void suspendedEnvironmentPaysNoRedshiftCompute() {
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(
        TestEnvironments.environment("ns", "asleep", Mode.FULL, spec -> spec.setSuspend(true))), PRICES);

    assertThat(cost.redshiftHourly()).isZero();
    assertThat(cost.hourly()).isCloseTo(0.050 + MONITORING + 22 * 0.023 / 730, EXACT);
  }

  @Test
  void diskBeyondTwentyGigabytesIsCharged() {
    EnvironmentCost cost = CostEstimator.estimate(TestEnvironments.resolve(
        TestEnvironments.environment("ns", "disk", Mode.SUBSET, spec -> {
          EmrSpec emr = new EmrSpec();
          emr.setExecutor(new WorkerSpec(16, 64, 120, 2));
          spec.setEmr(emr);
        })), PRICES);

    double extraDisk = 2 * 100 * 0.000111;
    assertThat(cost.emrRunningHourly()).isCloseTo(2.726568 + extraDisk, EXACT);
  }

  @Test
  void statusBlockIsRoundedToCentsWithThePriceTableDate() {
    CostEstimate status = CostEstimator.estimate(TestEnvironments.resolve(TestEnvironments.subset()), PRICES).toStatus();

    assertThat(status.getHourlyUsd()).isEqualTo(1.14);
    assertThat(status.getDailyUsd()).isEqualTo(27.38);
    assertThat(status.getPriceTableDate()).isEqualTo("2026-11-26");
  }
}
