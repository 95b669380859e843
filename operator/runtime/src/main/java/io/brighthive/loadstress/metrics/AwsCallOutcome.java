package io.brighthive.loadstress.metrics;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How an AWS SDK call ended, after the SDK's retries; the {@code outcome} tag. */
public enum AwsCallOutcome {
  SUCCESS,
  /** AWS answered with a throttling error. */
  THROTTLED,
  /** AWS answered 4xx (other than throttling): access denied, validation, not found. */
  CLIENT_ERROR,
  /** AWS answered 5xx. */
  SERVER_ERROR,
  /** No answer from AWS: connection refused or reset, time-out, DNS. */
  NETWORK_ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Sorts a failed call's exception. */
  public static AwsCallOutcome of(Throwable failure) {
    if (failure instanceof AwsServiceException e) {
      if (e.isThrottlingException()) {
        return THROTTLED;
      }
      return e.statusCode() >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
    return NETWORK_ERROR;
  }
}
