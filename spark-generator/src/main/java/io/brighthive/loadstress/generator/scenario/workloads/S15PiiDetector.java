package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.data.Luhn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, North American phone numbers, payment card numbers that pass the Luhn
 * check and plausible US social security numbers in a piece of text. Candidates that only look
 * like PII (a 16-digit number failing Luhn, an SSN with area 000, 666 or 9xx) are rejected.
 */
public final class S15PiiDetector {

  public enum Type { CREDIT_CARD, SSN, PHONE, EMAIL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One detection: its type, the text exactly as it appears, and where. */
  public record Detection(Type type, String value, int start, int end) {}

  private static final Pattern CARD = Pattern.compile("(?<![\\w-])\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{4}(?![\\w-])");
  private static final Pattern SSN = Pattern.compile("(?<![\\w-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w-])");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+(-])(?:\\+1[ -])?(?:\\(([2-9]\\d{2})\\) |([2-9]\\d{2})[ -])([2-9]\\d{2})[ -]\\d{4}(?![\\w-])");
  private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private S15PiiDetector() {}

  /** Every detection in {@code text}, in order of position; overlapping candidates go to the strictest type. */
  public static List<Detection> detect(String text) {
    if (text == null || !worthScanning(text)) {
      return List.of();
    }
    List<Detection> found = new ArrayList<>();
    Matcher card = CARD.matcher(text);
    while (card.find()) {
      if (Luhn.isValid(card.group())) {
        add(found, new Detection(Type.CREDIT_CARD, card.group(), card.start(), card.end()));
      }
    }
    Matcher ssn = SSN.matcher(text);
    while (ssn.find()) {
      if (plausibleSsn(ssn.group(1), ssn.group(2), ssn.group(3))) {
        add(found, new Detection(Type.SSN, ssn.group(), ssn.start(), ssn.end()));
      }
    }
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      add(found, new Detection(Type.PHONE, phone.group(), phone.start(), phone.end()));
    }
    if (text.indexOf('@') >= 0) {
      Matcher email = EMAIL.matcher(text);
      while (email.find()) {
        add(found, new Detection(Type.EMAIL, email.group(), email.start(), email.end()));
      }
    }
    found.sort(java.util.Comparator.comparingInt(Detection::start));
    return found;
  }

  /** Area 001-899 except 666, group 01-99, serial 0001-9999 (the SSA's rules since 2011). */
  static boolean plausibleSsn(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000");
  }

  /** Cheap pre-check: an '@', or at least nine digits. Most cells of a warehouse are neither. */
  static boolean worthScanning(String text) {
    if (text.indexOf('@') >= 0) {
      return true;
    }
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++digits >= 9) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Detection> found, Detection candidate) {
    for (Detection d : found) {
      if (candidate.start() < d.end() && d.start() < candidate.end()) {
        return;
      }
    }
    found.add(candidate);
  }
}
