package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.FakeResponse;
import io.brighthive.loadstress.awsfake.FakeService;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A stateful EMR Serverless fake speaking REST-JSON (signing name emr-serverless): applications (Create, Get, List,
 * Start, Stop, Delete) and job runs (StartJobRun, GetJobRun, ListJobRuns, CancelJobRun), with the asynchronous
 * states of {@link EmrState} on the fake clock.
 *
 * <p>StartJobRun is idempotent by clientToken per application: within the idempotency window (8 hours unless
 * {@link #idempotencyWindow} says otherwise) the same token with the same request returns the first run's id and
 * starts nothing; the same token with a different request is a 409 ConflictException (the API reference does not
 * say what AWS answers; the fake takes the stricter reading). A job submitted to a CREATED or STOPPED application
 * starts it when auto-start is enabled (the default) and is a ValidationException when it is not.
 *
 * <p>Switches: {@link #failNextJobRun}, {@link #jobRunDuration}, {@link #transitionDelay}, {@link #onJobRun} (a
 * hook that sees each run as it ends, e.g. to write its result into the S3 fake), and the shared ones of
 * {@link FakeService}. Counters: {@link #jobRunsStarted()} besides {@code calls(op)}.
 */
public final class FakeEmrServerless extends FakeService {

  private static final Set<String> OPERATIONS = Set.of("CreateApplication", "GetApplication", "ListApplications",
      "StartApplication", "StopApplication", "DeleteApplication", "StartJobRun", "GetJobRun", "ListJobRuns",
      "CancelJobRun");

  private final EmrState state;

  public FakeEmrServerless(Clock clock) {
    super("emr-serverless");
    this.state = new EmrState(clock);
  }

  @Override
  protected boolean accepts(FakeRequest request) {
    return "emr-serverless".equals(request.signingService());
  }

  @Override
  protected String operation(FakeRequest request) {
    String[] p = request.path().replaceAll("^/+|/+$", "").split("/");
    String m = request.method();
    if (p[0].equals("tags")) {
      return m.equals("GET") ? "ListTagsForResource" : m.equals("POST") ? "TagResource" : "UntagResource";
    }
    if (!p[0].equals("applications")) {
      return null;
    }
    return switch (p.length) {
      case 1 -> m.equals("POST") ? "CreateApplication" : m.equals("GET") ? "ListApplications" : null;
      case 2 -> switch (m) {
        case "GET" -> "GetApplication";
        case "DELETE" -> "DeleteApplication";
        case "PATCH" -> "UpdateApplication";
        default -> null;
      };
      case 3 -> p[2].equals("start") ? "StartApplication" : p[2].equals("stop") ? "StopApplication"
          : p[2].equals("jobruns") ? (m.equals("POST") ? "StartJobRun" : "ListJobRuns") : null;
      case 4 -> m.equals("DELETE") ? "CancelJobRun" : "GetJobRun";
      case 5 -> p[4].equals("dashboard") ? "GetDashboardForJobRun" : "ListJobRunAttempts";
      default -> null;
    };
  }

  @Override
  protected boolean supports(String operation) {
    return OPERATIONS.contains(operation);
  }

  @Override
  protected FakeResponse handle(String operation, FakeRequest request) {
    String[] p = request.path().replaceAll("^/+|/+$", "").split("/");
    ObjectNode body = EmrJson.parse(request.body());
    ObjectNode out = locked(() -> switch (operation) {
      case "CreateApplication" -> {
        Application app = state.create(body, request.region());
        yield EmrJson.object().put("applicationId", app.id).put("name", app.name).put("arn", app.arn);
      }
      case "GetApplication" -> (ObjectNode) EmrJson.object().set("application", state.require(p[1]).toJson());
      case "ListApplications" -> EmrListings.applications(state, request.rawQuery());
      case "StartApplication" -> {
        state.start(state.require(p[1]));
        yield EmrJson.object();
      }
      case "StopApplication" -> {
        state.stop(state.require(p[1]));
        yield EmrJson.object();
      }
      case "DeleteApplication" -> {
        state.delete(state.require(p[1]));
        yield EmrJson.object();
      }
      case "StartJobRun" -> {
        FakeJobRun run = state.submit(state.require(p[1]), body);
        yield EmrJson.object().put("applicationId", run.application.id).put("jobRunId", run.id)
            .put("arn", run.arn);
      }
      case "GetJobRun" -> (ObjectNode) EmrJson.object()
          .set("jobRun", state.requireRun(state.require(p[1]), p[3]).toJson());
      case "ListJobRuns" -> EmrListings.jobRuns(state, state.require(p[1]), request.rawQuery());
      case "CancelJobRun" -> {
        FakeJobRun run = state.requireRun(state.require(p[1]), p[3]);
        state.cancel(run, state.timeline.now(), "Job run cancelled by user");
        yield EmrJson.object().put("applicationId", run.application.id).put("jobRunId", run.id);
      }
      default -> throw unknownOperation(operation, request);
    });
    return FakeResponse.json(200, EmrJson.write(out));
  }

  @Override
  protected FakeResponse errorResponse(AwsError error, FakeRequest request) {
    AwsError e = error.code().equals("ValidationError")
        ? new AwsError(400, "ValidationException", error.getMessage()) : error;
    return FakeResponse.json(e.status(), e.json(), Map.of("x-amzn-ErrorType", e.code()));
  }

  @Override
  protected AwsError unknownOperation(String operation, FakeRequest request) {
    return new AwsError(400, "UnknownOperationException", "The EMR Serverless fake does not implement "
        + operation + " (" + request.method() + " " + request.path() + ")");
  }

  @Override
  protected AwsError throttlingError() {
    return new AwsError(429, "ThrottlingException", "Rate exceeded");
  }

  @Override
  protected AwsError serverError() {
    return new AwsError(500, "InternalServerException", "Internal server error");
  }

  @Override
  protected AwsError accessDeniedError(String operation) {
    return new AwsError(403, "AccessDeniedException", "User: arn:aws:iam::" + FakeAws.ACCOUNT_ID + ":user/test is "
        + "not authorized to perform: emr-serverless:" + operation);
  }

  @Override
  protected void resetState() {
    locked(() -> {
      state.reset();
      return null;
    });
  }

  <T> T locked(Supplier<T> action) {
    synchronized (state) {
      state.timeline.advance();
      return action.get();
    }
  }

  EmrState state() {
    return state;
  }

  // ---- switches ----

  /** The next job run submitted (not an idempotent replay) ends FAILED with {@code stateDetails}. Cumulative. */
  public FakeEmrServerless failNextJobRun(String stateDetails) {
    return locked(() -> {
      state.failNext(stateDetails);
      return this;
    });
  }

  /** How long a job run takes from its application being STARTED to its end (default 400 ms). */
  public FakeEmrServerless jobRunDuration(Duration duration) {
    return locked(() -> {
      state.runDuration = duration;
      return this;
    });
  }

  /** How long an application (or cancellation) transition takes (default 200 ms). */
  public FakeEmrServerless transitionDelay(Duration delay) {
    return locked(() -> {
      state.transition = delay;
      return this;
    });
  }

  public FakeEmrServerless idempotencyWindow(Duration window) {
    return locked(() -> {
      state.idempotencyWindow = window;
      return this;
    });
  }

  /**
   * Called with each run as it is about to end SUCCESS (not for runs already doomed by {@link #failNextJobRun}, nor
   * for cancelled ones), under the fake's lock: write its output, or call {@link FakeJobRun#fail}. An exception
   * thrown by the hook fails the run. {@code null} removes the hook; so does {@link #reset()}.
   */
  public FakeEmrServerless onJobRun(Consumer<FakeJobRun> hook) {
    return locked(() -> {
      state.hook = hook;
      return this;
    });
  }

  // ---- counters and test helpers ----

  /** Job runs started (idempotent replays of StartJobRun excluded). */
  public int jobRunsStarted() {
    return locked(() -> state.started);
  }

  /** A CREATED application (auto-start and auto-stop enabled), as if made long ago; returns its id. */
  public String createApplicationOutOfBand(String name) {
    return locked(() -> {
      Application app = new Application(EmrState.newId(), FakeAws.REGION.id(), state.timeline.now());
      app.name = name;
      app.state("CREATED", state.timeline.now(), null);
      state.applications.put(app.id, app);
      return app.id;
    });
  }

  public Optional<String> applicationState(String applicationId) {
    return locked(() -> Optional.ofNullable(state.applications.get(applicationId)).map(a -> a.state));
  }

  /** The job runs of the application, oldest first. */
  public List<FakeJobRun> jobRuns(String applicationId) {
    return locked(() -> state.runs.values().stream().filter(r -> r.application.id.equals(applicationId)).toList());
  }

  public Optional<FakeJobRun> jobRun(String jobRunId) {
    return locked(() -> Optional.ofNullable(state.runs.get(jobRunId)));
  }

  /** The hook through which stacks create and delete AWS::EMRServerless::Application resources in this fake. */
  public ResourceHook stackHook() {
    return new ApplicationStackHook(this);
  }






}
