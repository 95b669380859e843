package io.brighthive.loadstress.awsfake;

/**
 * An error answer of a fake AWS service. Each protocol renders it in its own wire format (query: {@code <ErrorResponse>},
 * REST-JSON: a JSON body with {@code __type}, REST-XML: {@code <Error>}).
 */
public final class AwsError extends RuntimeException {

  private final int status;
  private final String code;
  private final boolean senderFault;

  public AwsError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.senderFault = status < 500;
  }

  public static AwsError validation(String message) {
    return new AwsError(400, "ValidationError", message);
  }

  public static AwsError throttling() {
    return new AwsError(400, "Throttling", "Rate exceeded");
  }

  public static AwsError internalFailure() {
    return new AwsError(500, "InternalFailure", "We encountered an internal error. Please try again.");
  }

  /** {@code iamAction} is the IAM action, e.g. {@code cloudformation:CreateStack}. */
  public static AwsError accessDenied(String iamAction) {
    return new AwsError(403, "AccessDenied", "User: arn:aws:iam::" + FakeAws.ACCOUNT_ID + ":user/test"
        + " is not authorized to perform: " + iamAction + " because no identity-based policy allows the "
        + iamAction + " action");
  }

  /** The query protocol's {@code <ErrorResponse>} (CloudFormation, Redshift, STS); xmlns may be null. */
  public String queryXml(String requestId, String xmlns) {
    XmlWriter doc = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    if (xmlns == null) {
      doc.start("ErrorResponse");
    } else {
      doc.start("ErrorResponse", xmlns);
    }
    return doc.start("Error").leaf("Type", faultType()).leaf("Code", code).leaf("Message", getMessage()).end()
        .leaf("RequestId", requestId).end().toString();
  }

  /** REST-XML's {@code <Error>} at the root (S3). */
  public String restXml(String requestId) {
    return new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .start("Error").leaf("Code", code).leaf("Message", getMessage()).leaf("RequestId", requestId).end()
        .toString();
  }

  /** REST-JSON's body (EMR Serverless); send it with header {@code x-amzn-ErrorType: code}. */
  public String json() {
    return "{\"__type\":" + jsonString(code) + ",\"message\":" + jsonString(getMessage()) + "}";
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** "Sender" for 4xx, "Receiver" for 5xx, as in the {@code <Type>} element of query-protocol errors. */
  public String faultType() {
    return senderFault ? "Sender" : "Receiver";
  }
}
