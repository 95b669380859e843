package io.brighthive.loadstress.awsfake;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP request as the fake received it. Header names are lower case. */
public final class FakeRequest {

  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
  private static final String DEFAULT_REGION = "us-west-2";

  private final String requestId;
  private final String method;
  private final String path;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private QueryParams form;

  public FakeRequest(String requestId, String method, String rawPath, String rawQuery,
      Map<String, List<String>> headers, byte[] body) {
    this.requestId = requestId;
    this.method = method;
    this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    this.path = URI.create("http://h" + this.rawPath).getPath();
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    this.headers = Map.copyOf(lower);
    this.body = body;
  }

  public String requestId() {
    return requestId;
  }

  public String method() {
    return method;
  }

  /** The decoded path, e.g. {@code /applications/00abc/jobruns}. */
  public String path() {
    return path;
  }

  /** The path as sent, percent-encoding kept (S3 keys may contain encoded slashes). */
  public String rawPath() {
    return rawPath;
  }

  public String rawQuery() {
    return rawQuery;
  }

  /** The URL's query parameters (first value of each). */
  public Map<String, String> queryParameters() {
    Map<String, String> out = new LinkedHashMap<>();
    QueryParams.parseInto(rawQuery, out);
    return out;
  }

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String contentType() {
    String type = header("content-type");
    return type == null ? "" : type.toLowerCase(Locale.ROOT);
  }

  /** True for an AWS query-protocol call: a form-encoded POST. */
  public boolean isForm() {
    return contentType().startsWith("application/x-www-form-urlencoded");
  }

  /** The query-protocol parameters: the form body merged over the URL query. */
  public synchronized QueryParams form() {
    if (form == null) {
      Map<String, String> values = new LinkedHashMap<>();
      QueryParams.parseInto(rawQuery, values);
      if (isForm()) {
        QueryParams.parseInto(bodyAsString(), values);
      }
      form = new QueryParams(values);
    }
    return form;
  }

  /** The region from the SigV4 credential scope, or us-west-2 when the request is unsigned. */
  public String region() {
    Matcher m = credentialScope();
    return m != null ? m.group(1) : DEFAULT_REGION;
  }

  /** The SigV4 signing name (cloudformation, redshift, emr-serverless, s3, …), or null when the request is unsigned. */
  public String signingService() {
    Matcher m = credentialScope();
    return m != null ? m.group(2) : null;
  }

  private Matcher credentialScope() {
    String auth = header("authorization");
    if (auth == null) {
      return null;
    }
    Matcher m = CREDENTIAL_SCOPE.matcher(auth);
    return m.find() ? m : null;
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
