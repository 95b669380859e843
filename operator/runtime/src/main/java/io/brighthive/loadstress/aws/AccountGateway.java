package io.brighthive.loadstress.aws;

/** Which AWS account the operator's credentials (for a region and role) belong to. */
@FunctionalInterface
public interface AccountGateway {
  String callerAccount();
}
