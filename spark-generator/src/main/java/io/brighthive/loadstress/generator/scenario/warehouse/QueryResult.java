package io.brighthive.loadstress.generator.scenario.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The rows of one query and how long it took. */
public record QueryResult(List<String> columns, List<List<Object>> rows, double elapsedMs) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * The rows with engine differences removed, for comparing answers across engines: numbers as
   * decimals rounded to 2 places, everything else as text, nulls kept.
   */
  public List<List<String>> normalized() {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<String> values = new ArrayList<>(row.size());
      for (Object value : row) {
        values.add(normalize(value));
      }
      out.add(values);
    }
    return out;
  }

  static String normalize(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
      return decimal.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    return value.toString();
  }
}
