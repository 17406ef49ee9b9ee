package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrintableNamesTest {
  @Test
  void controlCharactersAreEscapedAsLsDashBDoes() {
    assertThat(PrintableNames.escape("plain name.txt")).isEqualTo("plain name.txt");
    assertThat(PrintableNames.escape("two\nlines")).isEqualTo("two\\nlines");
    assertThat(PrintableNames.escape("tab\there\r")).isEqualTo("tab\\there\\r");
    assertThat(PrintableNames.escape("\u001b[31mred")).isEqualTo("\\033[31mred");
    assertThat(PrintableNames.escape("del\u007f c1\u009b")).isEqualTo("del\\177 c1\\233");
    assertThat(PrintableNames.escape("back\\slash")).isEqualTo("back\\\\slash");
    assertThat(PrintableNames.escape("ünïcödé 日本")).isEqualTo("ünïcödé 日本");
  }

  @Test
  void aNameWithAControlCharacterCannotBeCreated() {
    assertThatThrownBy(() -> PrintableNames.checkCreatable(NamespacePath.parse("/a/two\nlines")))
        .isInstanceOf(MetasyncException.class)
        .hasMessage(
            "cannot create /a/two\\nlines: its name holds the control character U+000A (a"
                + " newline, tab, escape or the like); choose a name without one");
    assertThatThrownBy(() -> PrintableNames.checkCreatable(NamespacePath.parse("/\u001b[2Jx")))
        .hasMessageContaining("U+001B");
    assertThatCode(() -> PrintableNames.checkCreatable(NamespacePath.parse("/ok/ünï")))
        .doesNotThrowAnyException();
  }
}
