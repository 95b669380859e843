package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class S01ContextPackerTest {

  private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  /** One token per word, one for each newline: easy to reason about. */
  private static int words(String text) {
    String trimmed = text.trim();
    int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    return words + (int) text.chars().filter(c -> c == '\n').count();
  }

  @Test
  void takesTopPriorityFirstAndSkipsWhatDoesNotFit() {
    List<S01Fact> facts = List.of(
        new S01Fact(3, "t", "sample row with many many words in it"),
        new S01Fact(1, "t", "stats one two"),
        new S01Fact(0, "t", "orders rows"),
        new S01Fact(2, "t", "top a b c d e f g h i j"),
        new S01Fact(2, "t", "top x"));

    S01ContextPacker.Packed packed = new S01ContextPacker(S01ContextPackerTest::words).pack(facts, 10);

    assertThat(packed.included()).extracting(S01Fact::text).containsExactly("orders rows", "stats one two", "top x");
    assertThat(packed.documentTokens()).isEqualTo(10);
    assertThat(packed.dropped()).hasSize(2);
    assertThat(packed.includedAt(0)).isEqualTo(1);
  }

  @Test
  void neverExceedsTheBudgetWithARealBpeTokenizer() {
    List<S01Fact> facts = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      facts.add(new S01Fact(i % 4, "t" + i, "table_" + i + ".column_" + (i * 7919 % 1000) + ": 12.5% null, ~" + (i * 31)
          + " distinct, min 2023-01-0" + (i % 9 + 1) + ", max 2024-12-31 ünïcödé"));
    }
    for (int budget : new int[] {1, 57, 500, 3_000, 100_000}) {
      S01ContextPacker.Packed packed = new S01ContextPacker(CL100K::countTokens).pack(facts, budget);
      assertThat(CL100K.countTokens(packed.document())).isEqualTo(packed.documentTokens()).isLessThanOrEqualTo(budget);
      assertThat(packed.included().size() + packed.dropped().size()).isEqualTo(400);
    }
    assertThat(new S01ContextPacker(CL100K::countTokens).pack(facts, 100_000).dropped()).isEmpty();
  }
}
