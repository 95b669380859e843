package io.brighthive.loadstress.generator.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuhnTest {

  @Test
  void acceptsKnownValidNumbersWithOrWithoutSeparators() {
    assertThat(Luhn.isValid("4111111111111111")).isTrue();
    assertThat(Luhn.isValid("4111 1111 1111 1111")).isTrue();
    assertThat(Luhn.isValid("4012-8888-8888-1881")).isTrue();
    assertThat(Luhn.isValid("79927398713")).isTrue();
  }

  @Test
  void rejectsWrongCheckDigitsAndNonDigits() {
    assertThat(Luhn.isValid("4111111111111112")).isFalse();
    assertThat(Luhn.isValid("79927398710")).isFalse();
    assertThat(Luhn.isValid("4111x11111111111")).isFalse();
    assertThat(Luhn.isValid("")).isFalse();
  }
}
