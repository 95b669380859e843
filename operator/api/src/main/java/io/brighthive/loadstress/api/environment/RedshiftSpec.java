package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/**
 * Overrides for the Redshift stack. The master password is never part of the spec: AWS Secrets
 * Manager generates and keeps it.
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.nodes) || (has(self.nodeType) && self.nodeType == 'ra3.4xlarge' ? self.nodes <= 32 : "
        + "(has(self.nodeType) && self.nodeType == 'ra3.16xlarge' ? self.nodes <= 128 : self.nodes <= 16))",
    message = "redshift.nodes is too large for the node type: at most 16 for ra3.large and ra3.xlplus, 32 for ra3.4xlarge, 128 for ra3.16xlarge")
public class RedshiftSpec {
  @JsonPropertyDescription("Node type. Default ra3.xlplus.")
  private RedshiftNodeType nodeType;

  @Min(1)
  @Max(128)
  @JsonPropertyDescription("Number of nodes; 1 makes a single-node cluster. Default 1 (subset) or 2 (full).")
  private Integer nodes;

  @Pattern("^[a-z_][a-z0-9_$]{0,63}$")
  @JsonPropertyDescription("Database name: lower case letters, digits, _ and $, starting with a letter or _. Default loadstress.")
  private String database;

  @Pattern("^[a-z][a-z0-9_]{0,127}$")
  @JsonPropertyDescription("Master user name (the password is generated and kept in AWS Secrets Manager). Default loadstress_admin.")
  private String masterUser;

  @JsonPropertyDescription("Overrides spec.deletionPolicy for the cluster: Retain takes a final snapshot before deletion.")
  private DeletionPolicy deletionPolicy;
}
