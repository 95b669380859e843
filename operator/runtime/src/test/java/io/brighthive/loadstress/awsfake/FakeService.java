package io.brighthive.loadstress.awsfake;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One fake AWS service behind {@link FakeAws}: it claims the requests of its protocol, names the operation, and
 * answers it. This base class applies the failure switches and counts the calls, so every service gets them alike.
 *
 * <p>To add a service: extend this class (or {@link QueryProtocolService} for query-protocol services), and register
 * an instance in {@link FakeAws}'s constructor.
 */
public abstract class FakeService {

  private static final Pattern READ_ONLY = Pattern.compile("^(Describe|List|Get|Head|Validate|Estimate|Detect).*");

  private final String name;
  private final FaultSwitches faults = new FaultSwitches();
  private final CallCounter counter = new CallCounter();

  /** {@code name} is the IAM service prefix (cloudformation, redshift, emr-serverless, s3). */
  protected FakeService(String name) {
    this.name = name;
  }

  public final String name() {
    return name;
  }

  /** Whether this service answers the request. The router asks the services in registration order. */
  protected abstract boolean accepts(FakeRequest request);

  /** The operation the request asks for (e.g. CreateStack), or null when it cannot be told. */
  protected abstract String operation(FakeRequest request);

  /** Whether this fake implements the operation. */
  protected abstract boolean supports(String operation);

  /** Answers a supported operation; throws {@link AwsError} for an error answer. */
  protected abstract FakeResponse handle(String operation, FakeRequest request);

  /** Renders an error in this service's protocol. */
  protected abstract FakeResponse errorResponse(AwsError error, FakeRequest request);

  /** Clears this service's resources (switches and counters are cleared by {@link #reset()}). */
  protected abstract void resetState();

  /** The error for an operation this fake does not implement. */
  protected AwsError unknownOperation(String operation, FakeRequest request) {
    return new AwsError(400, "InvalidAction", "The action " + operation + " is not valid for this web service.");
  }

  protected AwsError throttlingError() {
    return AwsError.throttling();
  }

  protected AwsError serverError() {
    return AwsError.internalFailure();
  }

  protected AwsError accessDeniedError(String operation) {
    return AwsError.accessDenied(name + ":" + operation);
  }

  /** Mutating operations, counted by {@link #writeCalls()}: all but Describe*, List*, Get*, Head*, Validate* …. */
  protected boolean isWrite(String operation) {
    return !READ_ONLY.matcher(operation).matches();
  }

  final FakeResponse serve(FakeRequest request) {
    String operation = operation(request);
    String key = operation == null ? "Unknown" : operation;
    counter.record(key, operation != null && isWrite(operation));
    try {
      sleep(faults.delayOf(key));
      if (operation == null || !supports(operation)) {
        throw unknownOperation(key, request);
      }
      if (faults.isDenied(operation)) {
        throw accessDeniedError(operation);
      }
      if (faults.takeThrottle(operation)) {
        throw throttlingError();
      }
      if (faults.takeServerError(operation)) {
        throw serverError();
      }
      return handle(operation, request);
    } catch (AwsError e) {
      return errorResponse(e, request);
    } catch (IllegalArgumentException e) {
      return errorResponse(AwsError.validation(String.valueOf(e.getMessage())), request);
    }
  }

  // ---- failure switches (cleared by reset) ----

  /** The next {@code times} calls of {@code operation} ("*" for any) answer a throttling error. */
  public void throttle(String operation, int times) {
    faults.throttle(operation, times);
  }

  /** The next {@code times} calls of {@code operation} ("*" for any) answer 500 InternalFailure. */
  public void failWithServerError(String operation, int times) {
    faults.serverErrors(operation, times);
  }

  /** Every answer to {@code operation} ("*" for any) comes {@code delay} late; zero switches it off. */
  public void delay(String operation, Duration delay) {
    faults.delay(operation, delay);
  }

  /** Calls of {@code operation} ("*" for any) answer 403 AccessDenied until {@link #allowAccess}. */
  public void denyAccess(String operation) {
    faults.deny(operation, true);
  }

  public void allowAccess(String operation) {
    faults.deny(operation, false);
  }

  // ---- counters ----

  /** Calls of {@code operation} received so far, failed ones included. */
  public int calls(String operation) {
    return counter.calls(operation);
  }

  public int totalCalls() {
    return counter.total();
  }

  /** Calls of mutating operations (see {@link #isWrite}). */
  public int writeCalls() {
    return counter.writes();
  }

  /** Calls per operation, sorted by name. */
  public Map<String, Integer> callsByOperation() {
    return counter.snapshot();
  }

  /** Clears the resources, the switches and the counters. */
  public void reset() {
    faults.clear();
    counter.clear();
    resetState();
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
