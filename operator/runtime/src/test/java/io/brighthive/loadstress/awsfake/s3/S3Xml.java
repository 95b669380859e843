package io.brighthive.loadstress.awsfake.s3;

import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeResponse;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** S3's XML: the 2006-03-01 namespace, request bodies parsed without DTDs, and the HTTP-date of Last-Modified. */
final class S3Xml {

  static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private S3Xml() {
  }

  static XmlWriter document(String root) {
    return new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").start(root, XMLNS);
  }

  static FakeResponse ok(XmlWriter doc, Map<String, String> headers) {
    return new FakeResponse(200, withType(headers), doc.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> withType(Map<String, String> headers) {
    var out = new LinkedHashMap<>(headers);
    out.put("Content-Type", "application/xml");
    return Map.copyOf(out);
  }

  static void owner(XmlWriter out) {
    out.start("Owner").leaf("ID", OWNER_ID).leaf("DisplayName", "fake-" + FakeAws.ACCOUNT_ID).end();
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  /** Parses a request body; MalformedXML for anything that is not one well-formed document. */
  static Element parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document doc = builder.parse(new ByteArrayInputStream(body));
      return doc.getDocumentElement();
    } catch (Exception e) {
      throw S3Errors.malformedXml();
    }
  }

  /** The text of the first child element named {@code name}, or null. */
  static String childText(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent();
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * URL-encodes a value for responses to {@code encoding-type=url}: everything but unreserved characters and '/'
   * becomes %XX of its UTF-8 bytes, which the SDK's DecodeUrlEncodedResponseInterceptor turns back.
   */
  static String urlEncode(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
