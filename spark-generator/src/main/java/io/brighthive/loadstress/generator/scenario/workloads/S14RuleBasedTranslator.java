package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic stand-in for an LLM: the question is normalised (lower case, no punctuation,
 * synonyms folded), then the first rule whose pattern matches fills its SQL template from the
 * captured words (years, months, segments, statuses, limits).
 */
public final class S14RuleBasedTranslator implements S14Translator {

  private record Rule(Pattern pattern, Function<Matcher, String> sql) {}

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
      Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12));

  private static final List<Rule> RULES = List.of(
      rule("(?:how many|count) orders (?:were )?(?:placed )?in (" + String.join("|", MONTHS.keySet()) + ") (\\d{4})",
          m -> "SELECT COUNT(*) AS orders FROM orders WHERE " + monthRange(m.group(2), MONTHS.get(m.group(1)))),
      rule("(?:how many|count) orders (?:are|were|have status|with status)? ?(delivered|shipped|processing|cancelled|returned)",
          m -> "SELECT COUNT(*) AS orders FROM orders WHERE status = '" + m.group(1) + "'"),
      rule("total revenue (?:in|for|during) (\\d{4})",
          m -> "SELECT SUM(order_amount) AS revenue FROM orders WHERE " + yearRange(m.group(1))),
      rule("total revenue by (?:customer )?segment",
          m -> "SELECT c.segment, SUM(o.order_amount) AS revenue FROM orders o JOIN customers c ON o.customer_id = c.customer_id"
              + " GROUP BY c.segment ORDER BY c.segment"),
      rule("total revenue by (?:customer )?region",
          m -> "SELECT c.region, SUM(o.order_amount) AS revenue FROM orders o JOIN customers c ON o.customer_id = c.customer_id"
              + " GROUP BY c.region ORDER BY c.region"),
      rule("top (\\d+) customers by revenue",
          m -> "SELECT o.customer_id, SUM(o.order_amount) AS revenue FROM orders o GROUP BY o.customer_id"
              + " ORDER BY revenue DESC, o.customer_id LIMIT " + Integer.parseInt(m.group(1))),
      rule("average order amount by status",
          m -> "SELECT status, AVG(order_amount) AS avg_amount FROM orders GROUP BY status ORDER BY status"),
      rule("average days to fulfil (?:for )?(delivered|shipped|processing|returned) orders",
          m -> "SELECT AVG(days_to_fulfill) AS avg_days FROM orders WHERE status = '" + m.group(1) + "'"),
      rule("(?:how many|count) customers (?:are )?in the (enterprise|mid-market|smb) segment",
          m -> "SELECT COUNT(*) AS customers FROM customers WHERE segment = '" + segment(m.group(1)) + "'"),
      rule("which region has the most customers",
          m -> "SELECT region, COUNT(*) AS customers FROM customers GROUP BY region ORDER BY customers DESC, region LIMIT 1"),
      rule("(?:how many|count) (active|churned|prospect) customers",
          m -> "SELECT COUNT(*) AS customers FROM customers WHERE status = '" + m.group(1) + "'"),
      rule("(?:how many|count) support tickets (?:have|with) (low|normal|high|urgent) priority",
          m -> "SELECT COUNT(*) AS tickets FROM support_tickets WHERE priority = '" + m.group(1) + "'"),
      rule("(?:how many|count) (page_view|click|add_to_cart|search|login|purchase) events",
          m -> "SELECT COUNT(*) AS events FROM events WHERE event_type = '" + m.group(1) + "'"),
      rule("(?:how many|count) products (?:are )?in (?:the )?(.+?) category",
          m -> "SELECT COUNT(*) AS products FROM products WHERE lower(category) = '" + m.group(1).replace("'", "''") + "'"));

  private static final List<String[]> SYNONYMS = List.of(
      new String[] {"number of", "how many"}, new String[] {"what is the", ""}, new String[] {"what was the", ""},
      new String[] {"what were the", ""}, new String[] {"sales", "revenue"}, new String[] {"fulfill", "fulfil"},
      new String[] {"placed orders", "orders"}, new String[] {"add to cart", "add_to_cart"}, new String[] {"page view", "page_view"},
      new String[] {"clients", "customers"}, new String[] {"tickets", "support tickets"}, new String[] {"support support", "support"},
      new String[] {"revenue total", "total revenue"}, new String[] {"sum of revenue", "total revenue"});

  @Override
  public String name() {
    return "rule-based";
  }

  @Override
  public Optional<String> toSql(String question) {
    String text = normalise(question);
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.find()) {
        return Optional.of(rule.sql().apply(matcher));
      }
    }
    return Optional.empty();
  }

  static String normalise(String question) {
    String text = " " + question.toLowerCase(Locale.ROOT).replaceAll("[?.,!']", " ").replaceAll("\\s+", " ").trim() + " ";
    for (String[] pair : SYNONYMS) {
      text = text.replace(" " + pair[0] + " ", pair[1].isEmpty() ? " " : " " + pair[1] + " ");
    }
    text = text.replaceAll("\\s+", " ").trim();
    if (!text.contains("total revenue") && text.contains("revenue")) {
      text = text.replaceFirst("revenue", "total revenue").replace("top total revenue", "top revenue");
      text = text.replace("by total revenue", "by revenue");
    }
    return text;
  }

  private static Rule rule(String regex, Function<Matcher, String> sql) {
    return new Rule(Pattern.compile(regex), sql);
  }

  private static String yearRange(String year) {
    int y = Integer.parseInt(year);
    return "order_timestamp >= TIMESTAMP '" + y + "-01-01 00:00:00' AND order_timestamp < TIMESTAMP '" + (y + 1) + "-01-01 00:00:00'";
  }

  private static String monthRange(String year, int month) {
    int y = Integer.parseInt(year);
    String from = String.format("%d-%02d-01 00:00:00", y, month);
    String to = month == 12 ? String.format("%d-01-01 00:00:00", y + 1) : String.format("%d-%02d-01 00:00:00", y, month + 1);
    return "order_timestamp >= TIMESTAMP '" + from + "' AND order_timestamp < TIMESTAMP '" + to + "'";
  }

  private static String segment(String word) {
    return switch (word) {
      case "enterprise" -> "Enterprise";
      case "mid-market" -> "Mid-Market";
      default -> "SMB";
    };
  }
}
