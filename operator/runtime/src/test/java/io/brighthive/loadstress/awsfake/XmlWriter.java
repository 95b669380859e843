package io.brighthive.loadstress.awsfake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.function.BiConsumer;

/** A small streaming XML writer with proper escaping, enough for AWS response documents. */
public final class XmlWriter {

  private final StringBuilder out = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();

  public XmlWriter start(String name) {
    out.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  public XmlWriter start(String name, String xmlns) {
    out.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
    open.push(name);
    return this;
  }

  public XmlWriter end() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** {@code <name>value</name>}; nothing at all when value is null. */
  public XmlWriter leaf(String name, Object value) {
    if (value == null) {
      return this;
    }
    out.append('<').append(name).append('>').append(escape(format(value))).append("</").append(name).append('>');
    return this;
  }

  /** {@code <name><member>…</member>…</name>}, the query protocol's list shape; nothing when items is null. */
  public <T> XmlWriter members(String name, Collection<T> items, BiConsumer<XmlWriter, T> member) {
    if (items == null) {
      return this;
    }
    start(name);
    for (T item : items) {
      start("member");
      member.accept(this, item);
      end();
    }
    return end();
  }

  /** A list of plain strings. */
  public XmlWriter stringMembers(String name, Collection<String> items) {
    return members(name, items, (w, s) -> w.text(s));
  }

  public XmlWriter text(Object value) {
    out.append(escape(format(value)));
    return this;
  }

  /** Appends already well-formed XML. */
  public XmlWriter raw(String xml) {
    out.append(xml);
    return this;
  }

  public boolean isEmpty() {
    return out.length() == 0;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  public static String format(Object value) {
    if (value instanceof Instant instant) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    return String.valueOf(value);
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\r' -> b.append("&#13;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
