package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Free-text support tickets. About 35% carry one planted PII value (e-mail, phone, Luhn-valid card,
 * US SSN) and 25% one decoy that a naive detector would flag (Luhn-invalid card, impossible SSN,
 * order reference); both are listed in the ground truth so precision and recall can be measured.
 */
public final class SupportTicketsGenerator implements DatasetGenerator {

  private static final int CUSTOMER_STREAM = 601;
  private static final int PII_STREAM = 602;
  private static final int PII_DIGITS_STREAM = 603;
  private static final int DECOY_STREAM = 604;
  private static final int DECOY_DIGITS_STREAM = 605;
  private static final long WINDOW_SECONDS = 365L * 24 * 3600;

  private static final String[] CHANNELS = {"email", "chat", "phone", "web"};
  private static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};
  private static final String[] SUBJECTS = {
    "Billing question", "Cannot log in", "Refund request", "Shipment delayed", "Wrong item received",
    "Update account details", "Invoice missing", "Cancel subscription"
  };
  private static final String[] GREETINGS = {"Hello,", "Hi team,", "Good morning,", "Dear support,"};
  private static final String[] ISSUES = {
    "my last order has not arrived yet.", "the invoice total looks wrong to me.",
    "I cannot reset my password.", "I would like to change my delivery address.",
    "the product stopped working after a week.", "I was asked to contact you about my account."
  };
  private static final String[] CLOSINGS = {"Thanks.", "Best regards.", "Kind regards.", "Cheers."};

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(
        Output.table("support_tickets", () -> tickets(context).select(
            "ticket_id", "customer_id", "created_at", "channel", "priority", "subject", "body")),
        Output.groundTruth("pii_locations", () -> located(tickets(context), "pii_type", "pii_value")),
        Output.groundTruth("pii_decoys", () -> located(tickets(context), "decoy_type", "decoy_value")),
        Output.groundTruth("pii_columns", () -> piiColumns(context)));
  }

  /** Ticket columns plus the planted values, before they are hidden in the body text. */
  static Dataset<Row> tickets(GenerationContext context) {
    long rows = context.sizes().supportTickets();
    HashRandom random = context.random();
    Column id = col("id");
    Dataset<Row> hashed = context.range(rows).select(id,
        random.hash(id, CUSTOMER_STREAM).as("hc"),
        random.hash(id, PII_STREAM).as("hp"),
        random.hash(id, PII_DIGITS_STREAM).as("hpd"),
        random.hash(id, DECOY_STREAM).as("hd"),
        random.hash(id, DECOY_DIGITS_STREAM).as("hdd"));
    Column hp = col("hp");
    Column hd = col("hd");
    Column piiKind = bits(hp, 10, 8).mod(100);
    Column piiType = when(bits(hp, 0, 10).geq(358), lit(null))
        .when(piiKind.lt(30), "email").when(piiKind.lt(55), "phone")
        .when(piiKind.lt(80), "credit_card").otherwise("ssn");
    Column decoyKind = bits(hd, 10, 8).mod(100);
    Column decoyType = when(bits(hd, 0, 10).geq(256), lit(null))
        .when(decoyKind.lt(40), "invalid_card").when(decoyKind.lt(70), "invalid_ssn")
        .otherwise("order_reference");
    Dataset<Row> planted = hashed.select(id, col("hc"), hp, hd,
        piiType.as("pii_type"), piiValue(piiType, hp, col("hpd")).as("pii_value"),
        decoyType.as("decoy_type"), decoyValue(decoyType, hd, col("hdd")).as("decoy_value"));

    Column hc = col("hc");
    return planted.select(
        id.as("ticket_id"),
        Keys.customerId(Keys.skewedCustomerIndex(hc, context.sizes().customers())).as("customer_id"),
        timestamp_seconds(floor(id.cast("double").plus(0.5).multiply((double) WINDOW_SECONDS / rows))
            .plus(TimeWindow.FACTS_END - WINDOW_SECONDS)).as("created_at"),
        pick(bits(hc, 0, 8), CHANNELS).as("channel"),
        pick(bits(hc, 8, 8), PRIORITIES).as("priority"),
        pick(bits(hc, 16, 8), SUBJECTS).as("subject"),
        concat_ws(" ",
            pick(bits(hc, 24, 8), GREETINGS), pick(bits(hc, 32, 8), ISSUES),
            piiSentence(col("pii_type"), col("pii_value")),
            decoySentence(col("decoy_type"), col("decoy_value")),
            pick(bits(hc, 40, 8), CLOSINGS)).as("body"),
        col("pii_type"), col("pii_value"), col("decoy_type"), col("decoy_value"));
  }

  private static Column piiValue(Column type, Column hp, Column digits) {
    Column email = concat(lower(pick(bits(hp, 18, 8), Vocabulary.FIRST_NAMES)), lit("."),
        lower(pick(bits(hp, 26, 8), Vocabulary.LAST_NAMES)), bits(hp, 34, 10).mod(1000).cast("string"),
        lit("@"), pick(bits(hp, 44, 8), Vocabulary.EMAIL_DOMAINS));
    Column area = bits(digits, 0, 10).mod(800).plus(200).cast("string");
    Column exchange = bits(digits, 10, 10).mod(800).plus(200).cast("string");
    Column line = lpad(bits(digits, 20, 14).mod(10_000).cast("string"), 4, "0");
    Column phoneStyle = bits(hp, 52, 4).mod(3);
    Column phone = when(phoneStyle.equalTo(0), concat(lit("("), area, lit(") "), exchange, lit("-"), line))
        .when(phoneStyle.equalTo(1), concat(lit("+1 "), area, lit(" "), exchange, lit(" "), line))
        .otherwise(concat(area, lit("-"), exchange, lit("-"), line));
    Column[] payload = CardNumbers.payload(digits);
    Column card = CardNumbers.render(payload, CardNumbers.checkDigit(payload), separator(hp));
    Column ssn = concat(
        lpad(bits(digits, 0, 10).mod(665).plus(1).cast("string"), 3, "0"), lit("-"),
        lpad(bits(digits, 10, 7).mod(99).plus(1).cast("string"), 2, "0"), lit("-"),
        lpad(bits(digits, 20, 14).mod(9_999).plus(1).cast("string"), 4, "0"));
    return when(type.equalTo("email"), email).when(type.equalTo("phone"), phone)
        .when(type.equalTo("credit_card"), card).when(type.equalTo("ssn"), ssn);
  }

  private static Column decoyValue(Column type, Column hd, Column digits) {
    Column[] payload = CardNumbers.payload(digits);
    Column card = CardNumbers.render(payload,
        CardNumbers.wrongCheckDigit(payload, bits(hd, 20, 8)), separator(hd));
    Column badArea = pick(bits(hd, 28, 8), "000", "666", "9");
    Column area = when(badArea.equalTo("9"), concat(badArea, lpad(bits(hd, 36, 8).mod(100).cast("string"), 2, "0")))
        .otherwise(badArea);
    Column ssn = concat(area, lit("-"),
        lpad(bits(digits, 0, 7).mod(99).plus(1).cast("string"), 2, "0"), lit("-"),
        lpad(bits(digits, 10, 14).mod(9_999).plus(1).cast("string"), 4, "0"));
    Column order = Keys.orderId(bits(digits, 24, 30));
    return when(type.equalTo("invalid_card"), card).when(type.equalTo("invalid_ssn"), ssn)
        .when(type.equalTo("order_reference"), order);
  }

  private static Column separator(Column hash) {
    return pick(bits(hash, 56, 4), " ", "-", "");
  }

  private static Column piiSentence(Column type, Column value) {
    return when(type.equalTo("email"), concat(lit("Please reply to "), value, lit(" instead of my account address.")))
        .when(type.equalTo("phone"), concat(lit("You can call me back on "), value, lit(" after 5pm.")))
        .when(type.equalTo("credit_card"), concat(lit("I was charged twice on my card "), value, lit(".")))
        .when(type.equalTo("ssn"), concat(lit("For the tax form, my SSN is "), value, lit(".")));
  }

  private static Column decoySentence(Column type, Column value) {
    return when(type.equalTo("invalid_card"), concat(lit("The test number "), value, lit(" from your docs is rejected.")))
        .when(type.equalTo("invalid_ssn"), concat(lit("The form pre-filled "), value, lit(" as my ID, which is wrong.")))
        .when(type.equalTo("order_reference"), concat(lit("This is about order "), value, lit(".")));
  }

  private static Dataset<Row> located(Dataset<Row> tickets, String typeColumn, String valueColumn) {
    return tickets.where(col(typeColumn).isNotNull()).select(
        lit("support_tickets").as("table_name"),
        col("ticket_id").cast("string").as("row_key"),
        lit("body").as("column_name"),
        col(typeColumn),
        col(valueColumn).as("value"));
  }

  /** Column-level PII classification of the structured tables, for catalogue-wide erasure scans. */
  static Dataset<Row> piiColumns(GenerationContext context) {
    StructType schema = new StructType()
        .add("table_name", DataTypes.StringType, false)
        .add("column_name", DataTypes.StringType, false)
        .add("pii_type", DataTypes.StringType, false);
    List<Row> rows = List.of(
        RowFactory.create("multi_source_entities", "first_name", "person_name"),
        RowFactory.create("multi_source_entities", "last_name", "person_name"),
        RowFactory.create("multi_source_entities", "email", "email"),
        RowFactory.create("multi_source_entities", "phone", "phone"),
        RowFactory.create("support_tickets", "body", "free_text"));
    return context.fromDriver(rows, schema);
  }
}
