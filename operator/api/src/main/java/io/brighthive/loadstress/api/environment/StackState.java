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
  /** Hash of the template, parameters and tags the operator last sent for this stack. */
  private String templateHash;
  /** Name of the change set the operator prepared for an update, until it is executed or dropped. */
  private String changeSet;
  /** When CloudFormation last created or updated the stack (RFC 3339). */
  private String lastUpdatedTime;
  private String lastTransitionTime;
}
