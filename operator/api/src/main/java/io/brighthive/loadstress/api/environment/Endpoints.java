package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** Where to reach the environment's services. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Endpoints {
  /** Data lake: an s3:// URI (aws) or a file: URI (local). */
  private String dataLake;
  private String redshiftAddress;
  private Integer redshiftPort;
  private String redshiftDatabase;
  /** ARN of the Secrets Manager secret that holds the Redshift master password (never the password). */
  private String redshiftSecretArn;
  private String emrApplicationId;
  private String dashboardUrl;
}
