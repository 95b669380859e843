package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Packs facts into a token budget by priority: greedily, most important first (the given order
 * within a priority), skipping a fact that does not fit so that a smaller one after it still can.
 * Lines are joined with newlines; since a BPE tokenizer may merge across the joins, the assembled
 * document is counted again and the least important facts are dropped until it fits.
 */
final class S01ContextPacker implements S01ContextBuilder {

  private final ToIntFunction<String> tokens;

  S01ContextPacker(ToIntFunction<String> tokens) {
    this.tokens = tokens;
  }

  record Packed(List<S01Fact> included, List<S01Fact> dropped, String document, int documentTokens) {

    long includedAt(int priority) {
      return included.stream().filter(f -> f.priority() == priority).count();
    }
  }

  @Override
  public Packed build(List<S01Fact> facts, int budget) {
    return pack(facts, budget);
  }

  Packed pack(List<S01Fact> facts, int budget) {
    List<S01Fact> ordered = new ArrayList<>(facts);
    ordered.sort(Comparator.comparingInt(S01Fact::priority));
    List<S01Fact> included = new ArrayList<>();
    List<S01Fact> dropped = new ArrayList<>();
    int used = 0;
    for (S01Fact fact : ordered) {
      int cost = tokens.applyAsInt(fact.text() + "\n");
      if (used + cost <= budget) {
        included.add(fact);
        used += cost;
      } else {
        dropped.add(fact);
      }
    }
    String document = join(included);
    int total = tokens.applyAsInt(document);
    while (total > budget && !included.isEmpty()) {
      dropped.add(included.remove(included.size() - 1));
      document = join(included);
      total = tokens.applyAsInt(document);
    }
    return new Packed(List.copyOf(included), List.copyOf(dropped), document, total);
  }

  private static String join(List<S01Fact> facts) {
    StringBuilder document = new StringBuilder();
    for (S01Fact fact : facts) {
      document.append(fact.text()).append('\n');
    }
    return document.toString();
  }
}
