package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Data;

/** Observed state of one CloudFormation stack (or its local stand-in). */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StackState {
  private String stackName;
  private String stackId;
  /** CloudFormation stack status, such as CREATE_COMPLETE, or the local equivalent. */
  private String status;
  private String statusReason;
  /** Logical id of the resource that failed, when the stack failed. */
  private String failedResource;
  private String failedResourceReason;
  private Map<String, String> outputs;
  /** Client request token of the last create, update or delete the operator sent. */
  private String lastOperationToken;
  /** Hash of the rendered template and parameters last applied. */
  private String templateHash;
  private String lastTransitionTime;
}
