package io.brighthive.loadstress.generator.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** One column of a warehouse table, declared once with its SQL type; the Spark type follows from it. */
public record ColumnSpec(String name, String sqlType, boolean notNull) {

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  public static ColumnSpec of(String name, String sqlType) {
    return new ColumnSpec(name, sqlType, false);
  }

  public static ColumnSpec notNull(String name, String sqlType) {
    return new ColumnSpec(name, sqlType, true);
  }

  public DataType sparkType() {
    String type = sqlType.toUpperCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      return DataTypes.createDecimalType(
          Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    }
    if (type.startsWith("VARCHAR")) {
      return DataTypes.StringType;
    }
    return switch (type) {
      case "BIGINT" -> DataTypes.LongType;
      case "INTEGER" -> DataTypes.IntegerType;
      case "DATE" -> DataTypes.DateType;
      case "TIMESTAMP" -> DataTypes.TimestampType;
      case "BOOLEAN" -> DataTypes.BooleanType;
      default -> throw new IllegalArgumentException("unsupported SQL type " + sqlType);
    };
  }
}
