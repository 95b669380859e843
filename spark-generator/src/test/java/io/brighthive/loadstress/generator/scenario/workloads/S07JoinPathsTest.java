package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class S07JoinPathsTest {

  private static final S07Relationship NOTES_TICKETS = new S07Relationship("notes", "ticket_id", "tickets", "ticket_id");
  private static final S07Relationship TICKETS_CUSTOMERS = new S07Relationship("tickets", "customer_id", "customers", "customer_id");
  private static final S07Relationship ORDERS_CUSTOMERS = new S07Relationship("orders", "customer_id", "customers", "customer_id");

  @Test
  void findsTheShortestManyToOneChainAndItsSql() {
    S07JoinPaths paths = new S07JoinPaths(List.of(NOTES_TICKETS, TICKETS_CUSTOMERS, ORDERS_CUSTOMERS));

    assertThat(paths.shortest("notes", "customers")).contains(List.of(NOTES_TICKETS, TICKETS_CUSTOMERS));
    assertThat(paths.shortest("customers", "orders")).isEmpty();
    assertThat(paths.shortest("orders", "tickets")).isEmpty();
    assertThat(paths.connectedPairs()).containsExactly(List.of("notes", "customers"), List.of("notes", "tickets"),
        List.of("orders", "customers"), List.of("tickets", "customers"));
    assertThat(S07JoinPaths.countSql(List.of(NOTES_TICKETS, TICKETS_CUSTOMERS), "v_")).isEqualTo(
        "SELECT COUNT(*) FROM v_notes t0 JOIN v_tickets t1 ON t0.ticket_id = t1.ticket_id"
            + " JOIN v_customers t2 ON t1.customer_id = t2.customer_id");
  }

  @Test
  void namesAndValuesDecideTogether() {
    assertThat(S07KeyInference.nameEvidence("source_node_id", "lineage_nodes", "node_id"))
        .isEqualTo(S07KeyInference.NameEvidence.QUALIFIED_NAME);
    assertThat(S07KeyInference.nameEvidence("customer_id", "customers", "id")).isEqualTo(S07KeyInference.NameEvidence.TABLE_STEM);
    assertThat(S07KeyInference.nameEvidence("status", "orders", "order_id")).isEqualTo(S07KeyInference.NameEvidence.NONE);
    assertThat(S07KeyInference.accept(S07KeyInference.NameEvidence.SAME_NAME, false, 200, 0)).isFalse();
    assertThat(S07KeyInference.accept(S07KeyInference.NameEvidence.NONE, false, 200, 200)).isTrue();
    assertThat(S07KeyInference.accept(S07KeyInference.NameEvidence.NONE, true, 200, 200)).isFalse();
    assertThat(S07KeyInference.accept(S07KeyInference.NameEvidence.NONE, false, 5, 5)).isFalse();
    assertThat(S07KeyInference.accept(S07KeyInference.NameEvidence.SAME_NAME, true, 200, 198)).isTrue();
  }
}
