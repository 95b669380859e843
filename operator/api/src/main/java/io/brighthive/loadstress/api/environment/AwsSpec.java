package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;
import lombok.Data;

/** Where in AWS the environment lives. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AwsSpec {
  @Required
  @Pattern("^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-[0-9]$")
  @ValidationRule(value = "self == oldSelf", message = "aws.region is immutable: delete and recreate the environment to move it")
  @JsonPropertyDescription("AWS region, for example us-west-2. Immutable.")
  private String region;

  @Pattern("^[0-9]{12}$")
  @JsonPropertyDescription("If set, the operator refuses to act unless its credentials belong to this 12-digit account.")
  private String accountId;

  @Pattern("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")
  @JsonPropertyDescription("IAM role ARN the operator assumes for this environment.")
  private String roleArn;

  @Size(max = 44)
  @ValidationRule(
      value = "self.all(k, !k.startsWith('aws:') && !k.startsWith('loadstress.brighthive.io/'))",
      message = "aws.tags keys may not start with aws: (reserved by AWS) or loadstress.brighthive.io/ (the operator's own tags)")
  @JsonPropertyDescription("Tags added to every stack and resource, besides the operator's identity tags (at most 44, since AWS allows 50 and the operator sets 6).")
  private Map<String, String> tags;
}
