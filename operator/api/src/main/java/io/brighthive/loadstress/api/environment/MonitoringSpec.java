package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Data;

/** Overrides for the monitoring stack. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonitoringSpec {
  /** Pattern of each alarm e-mail address; the CRD writer puts it on the list's items. */
  public static final String EMAIL_PATTERN = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$";

  @Size(max = 20)
  @ValidationRule(value = "self.all(e, self.exists_one(f, f == e))", message = "monitoring.alarmEmails lists an address twice")
  @JsonPropertyDescription("E-mail addresses (such as ops@example.com) subscribed to the alarm topic (each must confirm the subscription).")
  private List<String> alarmEmails;

  @ValidationRule(
      value = "self in [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
      message = "monitoring.logRetentionDays must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653")
  @JsonPropertyDescription("Retention of the environment's log groups in days. Default 7.")
  private Integer logRetentionDays;

  @JsonPropertyDescription("Alarm thresholds.")
  private AlarmThresholds thresholds;
}
