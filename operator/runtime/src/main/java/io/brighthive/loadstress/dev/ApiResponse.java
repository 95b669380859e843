package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A complete (non-streaming) HTTP response; warnings become {@code Warning: 299} headers, which kubectl prints. */
record ApiResponse(int status, String contentType, byte[] body, List<String> warnings) {
  static final String JSON = "application/json";

  ApiResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, List.of());
  }

  ApiResponse withWarnings(List<String> newWarnings) {
    return new ApiResponse(status, contentType, body, List.copyOf(newWarnings));
  }

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, Json.bytes(body));
  }

  static ApiResponse json(int status, JsonNode body, String contentType) {
    return new ApiResponse(status, contentType, Json.bytes(body));
  }

  static ApiResponse text(int status, String body) {
    return new ApiResponse(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }
}
