package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.List;

/**
 * The fixed question set with the ground-truth SQL an analyst wrote for each, independently of
 * the translator (other functions and shapes on purpose), and the tables each reads.
 */
final class S14Questions {

  record Question(String text, String groundTruthSql, List<String> tables) {}

  static final List<Question> ALL = List.of(
      new Question("What was the total revenue in 2024?",
          "SELECT SUM(order_amount) FROM orders WHERE EXTRACT(YEAR FROM order_timestamp) = 2024", List.of("orders")),
      new Question("Total sales for 2023",
          "SELECT SUM(order_amount) FROM orders WHERE EXTRACT(YEAR FROM order_timestamp) = 2023", List.of("orders")),
      new Question("How many orders were placed in March 2024?",
          "SELECT COUNT(order_id) FROM orders WHERE EXTRACT(YEAR FROM order_timestamp) = 2024 AND EXTRACT(MONTH FROM order_timestamp) = 3",
          List.of("orders")),
      new Question("How many orders were cancelled?",
          "SELECT SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) FROM orders", List.of("orders")),
      new Question("What is the revenue by customer segment?",
          "SELECT segment, SUM(order_amount) FROM customers JOIN orders USING (customer_id) GROUP BY segment ORDER BY segment",
          List.of("orders", "customers")),
      new Question("Show total revenue by region",
          "SELECT region, SUM(order_amount) FROM customers JOIN orders USING (customer_id) GROUP BY region ORDER BY region",
          List.of("orders", "customers")),
      new Question("Top 10 customers by revenue",
          "SELECT customer_id, revenue FROM (SELECT customer_id, SUM(order_amount) AS revenue FROM orders GROUP BY customer_id) t"
              + " ORDER BY revenue DESC, customer_id LIMIT 10", List.of("orders")),
      new Question("Average order amount by status",
          "SELECT status, SUM(order_amount) / COUNT(*) FROM orders GROUP BY status ORDER BY status", List.of("orders")),
      new Question("What is the average days to fulfill for delivered orders?",
          "SELECT SUM(days_to_fulfill) * 1.0 / COUNT(days_to_fulfill) FROM orders WHERE status = 'delivered'", List.of("orders")),
      new Question("How many customers are in the Enterprise segment?",
          "SELECT COUNT(DISTINCT customer_id) FROM customers WHERE segment = 'Enterprise'", List.of("customers")),
      new Question("Which region has the most customers?",
          "SELECT region, n FROM (SELECT region, COUNT(*) AS n FROM customers GROUP BY region) t"
              + " WHERE n = (SELECT MAX(m) FROM (SELECT COUNT(*) AS m FROM customers GROUP BY region) u) ORDER BY region LIMIT 1",
          List.of("customers")),
      new Question("Number of churned customers",
          "SELECT COUNT(*) FROM customers WHERE status = 'churned'", List.of("customers")),
      new Question("How many support tickets have urgent priority?",
          "SELECT COUNT(ticket_id) FROM support_tickets WHERE priority = 'urgent'", List.of("support_tickets")),
      new Question("How many purchase events?",
          "SELECT COUNT(*) FROM events WHERE event_type = 'purchase'", List.of("events")),
      new Question("How many products are in the Home & Kitchen category?",
          "SELECT COUNT(*) FROM products WHERE category = 'Home & Kitchen'", List.of("products")));

  private S14Questions() {}
}
