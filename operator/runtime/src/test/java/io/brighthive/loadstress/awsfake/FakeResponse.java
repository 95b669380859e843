package io.brighthive.loadstress.awsfake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of a fake service. */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {

  public static FakeResponse xml(int status, String xml) {
    return new FakeResponse(status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  public static FakeResponse json(int status, String json) {
    return new FakeResponse(status, Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  public static FakeResponse json(int status, String json, Map<String, String> extraHeaders) {
    var headers = new LinkedHashMap<String, String>(extraHeaders);
    headers.put("Content-Type", "application/json");
    return new FakeResponse(status, Map.copyOf(headers), json.getBytes(StandardCharsets.UTF_8));
  }

  public static FakeResponse empty(int status) {
    return new FakeResponse(status, Map.of(), new byte[0]);
  }
}
