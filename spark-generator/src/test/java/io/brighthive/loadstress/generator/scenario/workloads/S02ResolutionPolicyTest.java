package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S02ResolutionPolicyTest {

  private static final List<String> SOURCES = List.of("CRM", "ERP", "LEGACY");

  @Test
  void anAuthorityGoesFirstAndThePriorityCompletesIt() {
    S02ResolutionPolicy policy = S02ResolutionPolicy.parse("CRM>ERP>LEGACY", "annual_revenue=ERP; phone=legacy>crm", SOURCES);

    assertThat(policy.order("email")).containsExactly("CRM", "ERP", "LEGACY");
    assertThat(policy.order("annual_revenue")).containsExactly("ERP", "CRM", "LEGACY");
    assertThat(policy.order("phone")).containsExactly("LEGACY", "CRM", "ERP");
  }

  @Test
  void theWinnerIsTheFirstSourceWithAValue() {
    S02ResolutionPolicy policy = S02ResolutionPolicy.parse("ERP>CRM>LEGACY", "none", SOURCES);
    Map<String, String> values = new HashMap<>(Map.of("CRM", "a@x.com", "LEGACY", "b@x.com"));
    values.put("ERP", null);

    assertThat(policy.winner("email", values)).isEqualTo("CRM");
    assertThat(policy.winner("email", Map.of())).isNull();
    assertThat(policy.authorities()).isEmpty();
  }

  @Test
  void rejectsUnknownMissingAndRepeatedSources() {
    assertThatThrownBy(() -> S02ResolutionPolicy.parse("CRM>ERP", "none", SOURCES)).hasMessageContaining("every source");
    assertThatThrownBy(() -> S02ResolutionPolicy.parse("CRM>ERP>SAP", "none", SOURCES)).hasMessageContaining("unknown source 'SAP'");
    assertThatThrownBy(() -> S02ResolutionPolicy.parse("CRM>ERP>LEGACY", "email=ERP>ERP", SOURCES)).hasMessageContaining("twice");
    assertThatThrownBy(() -> S02ResolutionPolicy.parse("CRM>ERP>LEGACY", "email", SOURCES)).hasMessageContaining("field=SOURCE");
  }
}
