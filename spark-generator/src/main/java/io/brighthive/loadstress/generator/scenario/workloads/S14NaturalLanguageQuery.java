package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S14 Natural-language query: the fixed questions go through the translator (rule-based by default)
 * and the warehouse, {@code iterations} times; each question's end-to-end time is one latency, and
 * its answer must equal the ground-truth SQL's on the same warehouse.
 */
public final class S14NaturalLanguageQuery implements Scenario {

  private final S14Translator translator;

  public S14NaturalLanguageQuery() {
    this(new S14RuleBasedTranslator());
  }

  public S14NaturalLanguageQuery(S14Translator translator) {
    this.translator = translator;
  }

  @Override
  public String id() {
    return "S14";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int iterations = context.parameters().intValue("iterations");
    Warehouse warehouse = context.warehouse();
    Map<String, Long> rows = new HashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    int asked = 0;
    int correct = 0;
    Map<String, Object> wrong = new LinkedHashMap<>();
    Map<String, String> sqlByQuestion = new LinkedHashMap<>();
    for (int i = 0; i < iterations; i++) {
      List<S14Evaluation.Answer> answers = S14Evaluation.ask(translator, warehouse, S14Questions.ALL);
      for (int q = 0; q < answers.size(); q++) {
        S14Evaluation.Answer answer = answers.get(q);
        outcome.latency(answer.latencyMs());
        asked++;
        correct += answer.correct() ? 1 : 0;
        if (!answer.correct()) {
          wrong.put(answer.question(), answer.problem());
        }
        sqlByQuestion.put(answer.question(), answer.sql());
        for (String table : S14Questions.ALL.get(q).tables()) {
          outcome.addRecords(rows.computeIfAbsent(table, t -> context.table(t).count()))
              .addBytes(bytes.computeIfAbsent(table, context::tableBytes));
        }
      }
    }
    outcome.measured("accuracy", asked == 0 ? 0.0 : correct / (double) asked);
    outcome.detail("translator", translator.name())
        .detail("questions", S14Questions.ALL.size())
        .detail("iterations", iterations)
        .detail("answered", asked)
        .detail("correct", correct)
        .detail("wrong", wrong)
        .detail("sql", sqlByQuestion);
  }
}
