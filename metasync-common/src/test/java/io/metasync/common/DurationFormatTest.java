package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatTest {
  @Test
  void everyUnitParses() {
    assertThat(DurationFormat.parse("250")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationFormat.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationFormat.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationFormat.parse("30sec")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationFormat.parse("5min")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationFormat.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationFormat.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationFormat.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void spacesAndCaseAreTolerated() {
    assertThat(DurationFormat.parse(" 30 S ")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationFormat.parse("5MIN")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void textThatIsNotADurationIsRefusedNamingIt() {
    for (String text : new String[] {"", "s", "-5s", "1.5s", "thirty", "30 s x"}) {
      assertThatThrownBy(() -> DurationFormat.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + text + "' is not a duration");
    }
  }

  @Test
  void unknownUnitIsRefusedNamingTextAndUnit() {
    assertThatThrownBy(() -> DurationFormat.parse("30m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'30m'")
        .hasMessageContaining("unknown unit 'm'");
    assertThatThrownBy(() -> DurationFormat.parse("3w"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'3w'");
  }

  @Test
  void numberTooLargeForALongIsRefusedNamingIt() {
    assertThatThrownBy(() -> DurationFormat.parse("99999999999999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'99999999999999999999' is too large");
  }

  @Test
  void durationTooLargeInMillisecondsIsRefusedNamingIt() {
    // Fits a long as a number of days, but not as milliseconds, which every user of a duration
    // needs.
    assertThatThrownBy(() -> DurationFormat.parse("9223372036854775807d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'9223372036854775807d' is too large");
    assertThatThrownBy(() -> DurationFormat.parse("9223372036854775807s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is too large");
  }

  @Test
  void formatPicksTheLargestExactUnit() {
    assertThat(DurationFormat.format(0)).isEqualTo("0ms");
    assertThat(DurationFormat.format(1500)).isEqualTo("1500ms");
    assertThat(DurationFormat.format(30_000)).isEqualTo("30s");
    assertThat(DurationFormat.format(90_000)).isEqualTo("90s");
    assertThat(DurationFormat.format(300_000)).isEqualTo("5min");
    assertThat(DurationFormat.format(7_200_000)).isEqualTo("2h");
    assertThat(DurationFormat.format(86_400_000)).isEqualTo("1d");
  }

  @Test
  void formatThenParseGivesTheSameDuration() {
    for (long millis : new long[] {0, 1, 999, 1000, 61_000, 3_600_000, 90_000_000, 172_800_000}) {
      assertThat(DurationFormat.parse(DurationFormat.format(millis)).toMillis()).isEqualTo(millis);
    }
  }
}
