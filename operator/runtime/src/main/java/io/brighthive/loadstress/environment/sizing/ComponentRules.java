package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.AlarmThresholds;
import io.brighthive.loadstress.api.environment.DataGenerationSpec;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of spec.dataLake, spec.redshift, spec.monitoring, spec.dataGeneration and spec.ttl. */
final class ComponentRules {
  private static final Pattern DATABASE = Pattern.compile("^[a-z_][a-z0-9_$]{0,63}$");
  private static final Pattern MASTER_USER = Pattern.compile("^[a-z][a-z0-9_]{0,127}$");
  private static final Pattern EMAIL = Pattern.compile(MonitoringSpec.EMAIL_PATTERN);
  private static final Pattern TTL = Pattern.compile("^([0-9]+d)?([0-9]+h)?([0-9]+m)?$");
  private static final Set<Integer> LOG_RETENTION_DAYS = Set.of(
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private ComponentRules() {}

  static void checkDataLake(Optional<DataLakeSpec> lake, ModeDefaults d, Problems problems) {
    if (lake.isEmpty()) {
      return;
    }
    int retention = lake.map(DataLakeSpec::getRetentionDays).orElse(d.retentionDays());
    int tiering = lake.map(DataLakeSpec::getTieringAfterDays).orElse(d.tieringAfterDays());
    problems.range(retention, 1, 3650, "spec.dataLake.retentionDays");
    problems.range(tiering, 0, 3649, "spec.dataLake.tieringAfterDays");
    problems.require(tiering < retention, "spec.dataLake.tieringAfterDays",
        "must be smaller than dataLake.retentionDays: " + tiering + " >= " + retention);
  }

  static void checkRedshift(Optional<RedshiftSpec> redshift, ModeDefaults d, Problems problems) {
    RedshiftNodeType type = redshift.map(RedshiftSpec::getNodeType).orElse(d.nodeType());
    int nodes = redshift.map(RedshiftSpec::getNodes).orElse(d.redshiftNodes());
    String nodeProblem = RedshiftNodeLimits.of(type).check(type, nodes);
    if (nodeProblem != null) {
      problems.add("spec.redshift.nodes", nodeProblem);
    }
    redshift.ifPresent(spec -> {
      problems.pattern(spec.getDatabase(), DATABASE, "spec.redshift.database",
          "1 to 64 lower case letters, digits, _ or $, starting with a letter or _");
      problems.pattern(spec.getMasterUser(), MASTER_USER, "spec.redshift.masterUser",
          "1 to 128 lower case letters, digits or _, starting with a letter");
    });
  }

  static void checkMonitoring(Optional<MonitoringSpec> monitoring, Problems problems) {
    if (monitoring.isEmpty()) {
      return;
    }
    MonitoringSpec spec = monitoring.get();
    List<String> emails = spec.getAlarmEmails() == null ? List.of() : spec.getAlarmEmails();
    problems.require(emails.size() <= 20, "spec.monitoring.alarmEmails", "at most 20 addresses, got " + emails.size());
    Set<String> seen = new HashSet<>();
    for (String email : emails) {
      problems.pattern(email, EMAIL, "spec.monitoring.alarmEmails", "e-mail addresses such as ops@example.com");
      problems.require(email == null || seen.add(email), "spec.monitoring.alarmEmails", "lists " + email + " twice");
    }
    Integer retention = spec.getLogRetentionDays();
    problems.require(retention == null || LOG_RETENTION_DAYS.contains(retention), "spec.monitoring.logRetentionDays",
        "must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, "
            + "731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653), got " + retention);
    AlarmThresholds t = spec.getThresholds();
    if (t != null) {
      problems.range(t.getRedshiftCpuPercent(), 1, 100, "spec.monitoring.thresholds.redshiftCpuPercent");
      problems.range(t.getRedshiftConnections(), 1, 2000, "spec.monitoring.thresholds.redshiftConnections");
      problems.range(t.getRedshiftDiskPercent(), 1, 100, "spec.monitoring.thresholds.redshiftDiskPercent");
      problems.range(t.getSlowQuerySeconds(), 1, 86400, "spec.monitoring.thresholds.slowQuerySeconds");
    }
  }

  static void checkDataGeneration(Optional<DataGenerationSpec> generation, Problems problems) {
    generation.ifPresent(spec -> {
      problems.range(spec.getRecords(), 1000, 10_000_000_000L, "spec.dataGeneration.records");
      problems.range(spec.getSeed(), 0, Long.MAX_VALUE, "spec.dataGeneration.seed");
      if (spec.getDatasets() != null) {
        problems.require(spec.getDatasets().size() <= 16, "spec.dataGeneration.datasets", "at most 16 entries");
        problems.require(new HashSet<>(spec.getDatasets()).size() == spec.getDatasets().size(),
            "spec.dataGeneration.datasets", "lists a dataset twice");
      }
    });
  }

  static void checkTtl(String ttl, Problems problems) {
    if (ttl == null) {
      return;
    }
    problems.require(!ttl.isEmpty() && TTL.matcher(ttl).matches(), "spec.ttl",
        "must be a duration such as 8h, 3d or 1d12h, got '" + ttl + "'");
  }
}
