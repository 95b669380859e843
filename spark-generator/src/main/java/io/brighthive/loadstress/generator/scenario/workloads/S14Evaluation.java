package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.warehouse.QueryResult;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Asks each question through a translator, runs the SQL, and compares the answer with the ground-truth SQL's. */
final class S14Evaluation {

  /** One asked question: end-to-end time (translate and run), whether the answer was right, and the SQL used. */
  record Answer(String question, String sql, double latencyMs, boolean correct, String problem) {}

  private S14Evaluation() {}

  static List<Answer> ask(S14Translator translator, Warehouse warehouse, List<S14Questions.Question> questions) {
    List<Answer> answers = new ArrayList<>();
    for (S14Questions.Question question : questions) {
      long start = System.nanoTime();
      Optional<String> sql = translator.toSql(question.text());
      if (sql.isEmpty()) {
        answers.add(new Answer(question.text(), null, (System.nanoTime() - start) / 1e6, false, "not translated"));
        continue;
      }
      QueryResult result;
      try {
        result = warehouse.query(sql.get());
      } catch (RuntimeException e) {
        answers.add(new Answer(question.text(), sql.get(), (System.nanoTime() - start) / 1e6, false, "failed: " + e.getMessage()));
        continue;
      }
      double latency = (System.nanoTime() - start) / 1e6;
      QueryResult expected = warehouse.query(question.groundTruthSql());
      boolean correct = sameAnswer(result, expected);
      answers.add(new Answer(question.text(), sql.get(), latency, correct, correct ? null : "answer differs from the ground truth"));
    }
    return answers;
  }

  /** Same rows as values (numbers rounded to cents, column names ignored), in any order. */
  static boolean sameAnswer(QueryResult actual, QueryResult expected) {
    return sorted(actual.normalized()).equals(sorted(expected.normalized()));
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(row -> String.join("\u0001", row.stream().map(v -> Objects.toString(v, "\u0000")).toList())));
    return copy;
  }
}
