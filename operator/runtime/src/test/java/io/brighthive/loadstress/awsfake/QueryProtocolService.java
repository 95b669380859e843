package io.brighthive.loadstress.awsfake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of services that speak the AWS query protocol: a form-encoded POST with {@code Action} and {@code Version},
 * answered by {@code <ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…} or by
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * <p>Subclasses register one {@link Handler} per action; a handler writes the content of the Result element.
 */
public abstract class QueryProtocolService extends FakeService {

  /** Writes the content of {@code <ActionResult>} (nothing for an action without output). */
  @FunctionalInterface
  public interface Handler {
    void handle(QueryParams params, XmlWriter result, FakeRequest request);
  }

  private final String apiVersion;
  private final String xmlns;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

  protected QueryProtocolService(String name, String apiVersion, String xmlns) {
    super(name);
    this.apiVersion = apiVersion;
    this.xmlns = xmlns;
  }

  protected final void on(String action, Handler handler) {
    handlers.put(action, handler);
  }

  public final String apiVersion() {
    return apiVersion;
  }

  @Override
  protected boolean accepts(FakeRequest request) {
    return request.isForm() && apiVersion.equals(request.form().get("Version"));
  }

  @Override
  protected String operation(FakeRequest request) {
    String action = request.form().get("Action");
    return action == null || action.isEmpty() ? null : action;
  }

  @Override
  protected boolean supports(String operation) {
    return handlers.containsKey(operation);
  }

  @Override
  protected FakeResponse handle(String operation, FakeRequest request) {
    XmlWriter result = new XmlWriter();
    invoke(handlers.get(operation), request.form(), result, request);
    XmlWriter doc = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .start(operation + "Response", xmlns);
    if (!result.isEmpty()) {
      doc.start(operation + "Result").raw(result.toString()).end();
    }
    doc.start("ResponseMetadata").leaf("RequestId", request.requestId()).end().end();
    return FakeResponse.xml(200, doc.toString());
  }

  /** Runs a handler; subclasses override to hold a lock or bring state up to date first. */
  protected void invoke(Handler handler, QueryParams params, XmlWriter result, FakeRequest request) {
    handler.handle(params, result, request);
  }

  @Override
  protected AwsError unknownOperation(String operation, FakeRequest request) {
    return new AwsError(400, "InvalidAction",
        "Could not find operation " + operation + " for version " + apiVersion);
  }

  @Override
  protected FakeResponse errorResponse(AwsError error, FakeRequest request) {
    return FakeResponse.xml(error.status(), error.queryXml(request.requestId(), xmlns));
  }
}
