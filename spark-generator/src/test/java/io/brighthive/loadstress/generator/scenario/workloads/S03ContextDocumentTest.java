package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class S03ContextDocumentTest {

  private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

  private static S03TableFacts facts(List<S03TableFacts.Column> columns, S03TableFacts.Usage usage) {
    return new S03TableFacts(7, "sap_1.accounts_0007", "sap_1", "finance", LocalDate.of(2020, 5, 1), 2, columns.size(), columns,
        List.of(3, columns.size()), usage, List.of("sap_1.employees_0100 via owner_id"), 41);
  }

  @Test
  void rendersEverySectionFromTheFacts() {
    String doc = S03DocumentWriter.TEMPLATE.write(facts(List.of(new S03TableFacts.Column(0, "id", "bigint", false),
        new S03TableFacts.Column(1, "owner_id", "bigint", true)),
        new S03TableFacts.Usage(12, Instant.parse("2024-12-30T10:00:00Z"), 3, "SELECT")), AS_OF, 90);

    assertThat(S03ContextDocument.missingSections(doc)).isEmpty();
    assertThat(doc).contains("holds accounts from source system sap_1", "- id bigint not null\n", "- owner_id bigint\n",
        "- version 2: 2 columns", "Status: active. 12 queries by 3 users", "- references sap_1.employees_0100 via owner_id",
        "41 other tables hold accounts");
  }

  @Test
  void anEmptySchemaIsAMissingSection() {
    String doc = S03ContextDocument.render(facts(List.of(), new S03TableFacts.Usage(0, null, 0, null)), AS_OF, 90);

    assertThat(S03ContextDocument.missingSections(doc)).containsExactly("Schema");
    assertThat(doc).contains("Status: never queried.");
    assertThat(S03ContextDocument.missingSections("# t\n\n## Overview\ntext\n")).containsExactly("Schema", "History", "Usage",
        "Relationships");
  }

  @Test
  void usageStatusAndEntityNames() {
    assertThat(new S03TableFacts.Usage(2, Instant.parse("2024-05-01T00:00:00Z"), 1, "SELECT").status(AS_OF, 90)).isEqualTo("stale");
    assertThat(new S03TableFacts.Usage(2, Instant.parse("2024-12-01T00:00:00Z"), 1, "SELECT").status(AS_OF, 90)).isEqualTo("active");
    assertThat(S03TableFacts.entity("salesforce_1.invoice_lines_0042")).isEqualTo("invoice_lines");
    assertThat(S03TableFacts.entity("plain")).isEqualTo("plain");
  }
}
