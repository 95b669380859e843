package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/** Overrides for the VPC stack. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.natGateways) || self.natGateways <= (has(self.maxAzs) ? self.maxAzs : 2)",
    message = "vpc.natGateways cannot exceed vpc.maxAzs (one NAT gateway per availability zone at most)")
public class VpcSpec {
  @Pattern(
      "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$")
  @ValidationRule(
      value = "self.matches('/(1[6-9]|2[0-2])$')",
      message = "vpc.cidr must be a /16 to /22 block, such as 10.0.0.0/16 (AWS allows /16 to /28 for a VPC, and the environment"
          + " needs a /24 and a /28 subnet in each of up to 3 zones)")
  @JsonPropertyDescription("IPv4 CIDR of the VPC, a /16 to /22 block. Default 10.0.0.0/16. Immutable.")
  private String cidr;

  @Min(1)
  @Max(3)
  @JsonPropertyDescription("Availability zones to spread subnets over, 1 to 3. Default 2.")
  private Integer maxAzs;

  @Min(0)
  @Max(3)
  @JsonPropertyDescription("NAT gateways, 0 to maxAzs. Default 1. Private subnets route through the NAT in their zone, or the first one.")
  private Integer natGateways;
}
