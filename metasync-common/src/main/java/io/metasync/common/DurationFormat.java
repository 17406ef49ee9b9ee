package io.metasync.common;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of configuration values and command-line options: a whole number followed by
 * {@code ms}, {@code s}/{@code sec}, {@code min}, {@code h} or {@code d}; a bare number is
 * milliseconds.
 */
public final class DurationFormat {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-z]*)");

  private DurationFormat() {}

  /**
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  public static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration (examples: 500ms, 30s, 5min, 2h, 1d; a bare number is ms)");
    }
    long amount;
    try {
      amount = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a duration", e);
    }
    String unit = matcher.group(2);
    try {
      Duration duration =
          switch (unit) {
            case "", "ms" -> Duration.ofMillis(amount);
            case "s", "sec" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default ->
                throw new IllegalArgumentException(
                    "'" + text + "' has an unknown unit '" + unit + "' (use ms, s, min, h or d)");
          };
      // Every user reads a duration as milliseconds; refuse here what would overflow there.
      duration.toMillis();
      return duration;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a duration", e);
    }
  }

  /** The shortest exact form: {@code 30s}, {@code 5min}, {@code 1500ms}. */
  public static String format(long millis) {
    if (millis != 0 && millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis != 0 && millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis != 0 && millis % 60_000L == 0) {
      return millis / 60_000L + "min";
    }
    if (millis != 0 && millis % 1000L == 0) {
      return millis / 1000L + "s";
    }
    return millis + "ms";
  }
}
