package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileModes;
import io.metasync.common.FileType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionFormatTest {
  @ParameterizedTest
  @CsvSource({"755, 493", "0644, 420", "1777, 1023", "01777, 1023", "0, 0", "7, 7"})
  void parsesOctalModesWithOrWithoutLeadingZero(String text, int mode) {
    assertThat(PermissionFormat.parseOctal(text)).isEqualTo(mode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "8", "999", "17777", "077777", "rwx", "-755", "0x1ed"})
  void refusesWhatIsNotAnOctalMode(String text) {
    assertThatThrownBy(() -> PermissionFormat.parseOctal(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not an octal mode such as 755 or 0644");
  }

  @ParameterizedTest
  @CsvSource({"420, 0644", "493, 0755", "0, 0000", "1023, 01777", "8, 0010"})
  void printsOctalWithLeadingZero(int mode, String text) {
    assertThat(PermissionFormat.octal(mode)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "DIRECTORY, 0755, drwxr-xr-x",
    "FILE, 0644, -rw-r--r--",
    "FILE, 0000, ----------",
    "FILE, 0777, -rwxrwxrwx",
    "DIRECTORY, 01777, drwxrwxrwt",
    "DIRECTORY, 01776, drwxrwxrwT",
    "FILE, 0421, -r---w---x"
  })
  void printsSymbolicModes(FileType type, String octal, String symbolic) {
    assertThat(FileModes.symbolic(type, Integer.parseInt(octal, 8))).isEqualTo(symbolic);
  }
}
