package io.brighthive.loadstress.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Sorts AWS failures into those worth retrying and those that need a person. */
public final class AwsErrors {
  private static final Set<String> TERMINAL_CODES = Set.of(
      "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "InvalidClientTokenId",
      "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException", "ValidationError",
      "ValidationException", "InsufficientCapabilitiesException", "LimitExceededException", "InvalidParameterValue");

  private AwsErrors() {}

  /** Throttling, server errors and network failures: try again later, with backoff. */
  public static boolean isTransient(Throwable t) {
    if (t instanceof AwsServiceException e) {
      return e.isThrottlingException() || e.statusCode() >= 500;
    }
    return t instanceof SdkClientException;
  }

  /** Access denied, bad input and quota errors: retrying cannot help until the spec or settings change. */
  public static boolean isTerminal(Throwable t) {
    if (t instanceof AwsServiceException e && !isTransient(t)) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      return TERMINAL_CODES.contains(code) || e.statusCode() == 403 || e.statusCode() == 400;
    }
    return false;
  }

  /** A short, log-safe description: service, code and message, never request contents. */
  public static String describe(Throwable t) {
    if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      return e.awsErrorDetails().serviceName() + " " + e.awsErrorDetails().errorCode() + ": "
          + e.awsErrorDetails().errorMessage();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
