package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {
  @Test
  void shortTextIsKeptWhole() {
    String text = "x".repeat(MessageText.KEPT_WHOLE);

    assertThat(MessageText.abbreviate(text)).isEqualTo(text);
  }

  @Test
  void longTextKeepsItsStartAndSaysHowLongItWas() {
    String text = "/" + "a".repeat(5_499);

    assertThat(MessageText.abbreviate(text))
        .isEqualTo("/" + "a".repeat(99) + "... (5,500 characters)");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
    String text = "a".repeat(99) + "\uD83D\uDE00" + "b".repeat(300);

    assertThat(MessageText.abbreviate(text)).startsWith("a".repeat(99) + "...");
  }
}
