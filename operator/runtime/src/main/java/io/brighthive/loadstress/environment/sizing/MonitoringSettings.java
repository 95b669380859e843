package io.brighthive.loadstress.environment.sizing;

import java.util.List;

/** Effective monitoring settings. */
public record MonitoringSettings(List<String> alarmEmails, int logRetentionDays, Thresholds thresholds) {
  public MonitoringSettings {
    alarmEmails = List.copyOf(alarmEmails);
  }
}
