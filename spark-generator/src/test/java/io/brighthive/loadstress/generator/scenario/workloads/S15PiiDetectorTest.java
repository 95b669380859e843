package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.scenario.workloads.S15PiiDetector.Detection;
import io.brighthive.loadstress.generator.scenario.workloads.S15PiiDetector.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class S15PiiDetectorTest {

  private static List<String> found(String text) {
    return S15PiiDetector.detect(text).stream().map(d -> d.type().label() + "=" + d.value()).toList();
  }

  @Test
  void findsEachKindInTheFormatsTheTicketsUse() {
    assertThat(found("Please reply to anna.smith42@mail.example.org instead of my account address."))
        .containsExactly("email=anna.smith42@mail.example.org");
    assertThat(found("call (415) 555-0123 or +1 212 555 0188 or 646-555-0199 after 5pm"))
        .containsExactly("phone=(415) 555-0123", "phone=+1 212 555 0188", "phone=646-555-0199");
    assertThat(found("my card 4111 1111 1111 1111. also 4111-1111-1111-1111 and 4111111111111111"))
        .containsExactly("credit_card=4111 1111 1111 1111", "credit_card=4111-1111-1111-1111", "credit_card=4111111111111111");
    assertThat(found("For the tax form, my SSN is 123-45-6789.")).containsExactly("ssn=123-45-6789");
    assertThat(found("+1-415-555-0123")).containsExactly("phone=+1-415-555-0123");
  }

  @Test
  void rejectsTheDecoys() {
    assertThat(found("The test number 4111 1111 1111 1112 from your docs is rejected.")).isEmpty();
    assertThat(found("pre-filled 000-12-3456 and 666-12-3456 and 912-34-5678 as my ID")).isEmpty();
    assertThat(found("This is about order ORD-000012345678.")).isEmpty();
    assertThat(found("SSN 123-00-4567 and 123-45-0000")).isEmpty();
    assertThat(found("not a phone: (123) 555-0123")).isEmpty();
  }

  @Test
  void reportsPositionsSoAWholeCellIsRecognised() {
    Detection d = S15PiiDetector.detect("a.b@example.com").get(0);
    assertThat(d.type()).isEqualTo(Type.EMAIL);
    assertThat(d.start()).isZero();
    assertThat(d.end()).isEqualTo("a.b@example.com".length());
    assertThat(S15PiiDetector.detect(null)).isEmpty();
    assertThat(S15PiiDetector.detect("no digits here, nothing to see")).isEmpty();
  }

  @Test
  void ssnRulesFollowTheSocialSecurityAdministration() {
    assertThat(S15PiiDetector.plausibleSsn("001", "01", "0001")).isTrue();
    assertThat(S15PiiDetector.plausibleSsn("665", "99", "9999")).isTrue();
    assertThat(S15PiiDetector.plausibleSsn("666", "10", "1000")).isFalse();
    assertThat(S15PiiDetector.plausibleSsn("900", "10", "1000")).isFalse();
    assertThat(S15PiiDetector.plausibleSsn("000", "10", "1000")).isFalse();
  }
}
