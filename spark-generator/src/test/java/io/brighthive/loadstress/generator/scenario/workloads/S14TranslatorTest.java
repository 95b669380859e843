package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.scenario.ScenarioLakes;
import io.brighthive.loadstress.generator.scenario.warehouse.DuckDbWarehouse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S14TranslatorTest {

  private final S14RuleBasedTranslator translator = new S14RuleBasedTranslator();

  @Test
  void translatesEveryQuestionOfTheSet() {
    for (S14Questions.Question question : S14Questions.ALL) {
      assertThat(translator.toSql(question.text())).as(question.text()).isPresent();
    }
  }

  @Test
  void paraphrasesGiveTheSameSql() {
    assertThat(translator.toSql("What was the total revenue in 2024?"))
        .isEqualTo(translator.toSql("total sales during 2024"))
        .isEqualTo(translator.toSql("Sum of revenue for 2024!"));
    assertThat(translator.toSql("How many churned customers?")).isEqualTo(translator.toSql("number of churned clients"));
    assertThat(translator.toSql("Top 3 customers by sales")).get().asString().endsWith("LIMIT 3");
    assertThat(translator.toSql("How many orders were placed in December 2023?")).get().asString()
        .contains("'2023-12-01 00:00:00'", "'2024-01-01 00:00:00'");
  }

  @Test
  void aQuestionOutsideTheRulesIsNotGuessed() {
    assertThat(translator.toSql("Why did revenue drop last week?")).isEmpty();
    assertThat(translator.toSql("How many unicorns are in the segment?")).isEmpty();
  }

  @Test
  void aTranslatorThatDropsAFilterGivesWrongAnswersThatTheEvaluationCatches() {
    Lake lake = Lake.at(ScenarioLakes.shared().toString(), SharedSpark.get().sparkContext().hadoopConfiguration());
    S14Translator sloppy = new S14Translator() {
      @Override
      public String name() {
        return "sloppy";
      }

      @Override
      public Optional<String> toSql(String question) {
        return translator.toSql(question).map(sql -> sql.replace("WHERE status = 'cancelled'", ""));
      }
    };
    try (DuckDbWarehouse warehouse = new DuckDbWarehouse(lake)) {
      List<S14Evaluation.Answer> right = S14Evaluation.ask(translator, warehouse, S14Questions.ALL);
      List<S14Evaluation.Answer> wrong = S14Evaluation.ask(sloppy, warehouse, S14Questions.ALL);

      assertThat(right).allMatch(S14Evaluation.Answer::correct);
      assertThat(wrong).filteredOn(a -> !a.correct()).extracting(S14Evaluation.Answer::question)
          .containsExactly("How many orders were cancelled?");
    }
  }
}
