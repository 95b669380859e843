package io.brighthive.loadstress.generator.data;

/** The Luhn (mod 10) check that every real payment card number passes. */
public final class Luhn {

  private Luhn() {}

  /** True when the digits of {@code number} (separators ignored) pass the Luhn check. */
  public static boolean isValid(String number) {
    String digits = number.replaceAll("[ -]", "");
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
