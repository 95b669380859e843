package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered as a {@code meta/v1 Status}, which kubectl prints as "Error from server (Reason): message". */
final class ApiException extends RuntimeException {
  private final int code;
  private final String reason;
  private final transient ResourcePath path;

  ApiException(int code, String reason, String message, ResourcePath path) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.path = path;
  }

  static ApiException notFound(ResourcePath path) {
    String what = path.name() == null ? "the server could not find the requested resource"
        : path.groupResource() + " \"" + path.name() + "\" not found";
    return new ApiException(404, "NotFound", what, path);
  }

  static ApiException alreadyExists(ResourcePath path, String name) {
    return new ApiException(409, "AlreadyExists", path.groupResource() + " \"" + name + "\" already exists", path.withName(name));
  }

  static ApiException conflict(ResourcePath path) {
    return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + path.groupResource() + " \"" + path.name()
        + "\": the object has been modified; please apply your changes to the latest version and try again", path);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, null);
  }

  static ApiException invalid(ResourcePath path, String message) {
    return new ApiException(422, "Invalid", message, path);
  }

  static ApiException unsupportedMediaType(String contentType) {
    return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types "
        + "include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, "
        + "application/strategic-merge-patch+json (was " + contentType + ")", null);
  }

  static ApiException methodNotAllowed(String method) {
    return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource: " + method, null);
  }

  int code() {
    return code;
  }

  ObjectNode status() {
    return status(code, reason, getMessage(), path);
  }

  static ObjectNode status(int code, String reason, String message, ResourcePath path) {
    ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", code < 400 ? "Success" : "Failure").put("message", message);
    if (reason != null) {
      status.put("reason", reason);
    }
    if (path != null) {
      ObjectNode details = status.putObject("details");
      if (path.name() != null) {
        details.put("name", path.name());
      }
      details.put("group", path.group()).put("kind", path.plural());
    }
    return status.put("code", code);
  }

  ApiResponse toResponse() {
    return ApiResponse.json(code, status());
  }
}
