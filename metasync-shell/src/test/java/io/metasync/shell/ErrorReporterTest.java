package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ErrorReporter reporter(Map<String, String> definitions) {
    return new ErrorReporter(
        new ShellEnvironment(
            definitions,
            Path.of("."),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            ZoneOffset.UTC,
            Clock.systemUTC()));
  }

  @Test
  void metasyncExceptionShowsItsMessageAlone() {
    int exitCode =
        reporter(Map.of())
            .failure(new MetasyncException(ErrorCode.NOT_FOUND, "/a/b does not exist"));

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: /a/b does not exist\n");
  }

  @Test
  void unexpectedExceptionShowsItsCauseInWordsWithoutTrace() {
    int exitCode =
        reporter(Map.of())
            .failure(
                new IllegalStateException(
                    "java.net.UnknownHostException: nosuch", new UnknownHostException("nosuch")));

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Error: unknown host 'nosuch' (an unexpected error; -Dmetasync.user.debug=true shows"
                + " where it happened)\n");
  }

  @Test
  void multiLineMessageIsFoldedIntoOneLine() {
    reporter(Map.of()).failure(new MetasyncException(ErrorCode.INTERNAL, "first\n  second\n"));

    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: first second\n");
  }

  @Test
  void debugFromDefinitionsWorksEvenWhenTheConfigurationIsBad() {
    reporter(Map.of("metasync.user.debug", "true", "metasync.nonsense", "1"))
        .failure(new IllegalStateException("boom"));

    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Error: boom (an unexpected error;")
        .contains("\tat ");
  }
}
