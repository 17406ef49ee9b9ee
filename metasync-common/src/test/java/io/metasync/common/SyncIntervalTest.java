package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncIntervalTest {
  @Test
  void minusOneIsNever() {
    assertThat(SyncInterval.parse("-1")).isEqualTo(SyncInterval.NEVER);
    assertThat(SyncInterval.parse(" -1 ").isNever()).isTrue();
  }

  @Test
  void zeroIsAlways() {
    assertThat(SyncInterval.parse("0")).isEqualTo(SyncInterval.ALWAYS);
    assertThat(SyncInterval.parse("0s")).isEqualTo(SyncInterval.ALWAYS);
    assertThat(SyncInterval.ALWAYS.isNever()).isFalse();
  }

  @Test
  void durationIsInMilliseconds() {
    assertThat(SyncInterval.parse("30s").millis()).isEqualTo(30_000);
    assertThat(SyncInterval.parse("500").millis()).isEqualTo(500);
    assertThat(SyncInterval.parse("5min").millis()).isEqualTo(300_000);
  }

  @Test
  void otherNegativeValuesAreRefusedNamingTheText() {
    assertThatThrownBy(() -> SyncInterval.parse("-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'-2'");
    assertThatThrownBy(() -> new SyncInterval(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
  }

  @Test
  void badTextIsRefusedNamingIt() {
    assertThatThrownBy(() -> SyncInterval.parse("often"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'often'");
  }

  @Test
  void neverIsNeverStale() {
    assertThat(SyncInterval.NEVER.isStale(0, 1_000_000)).isFalse();
    assertThat(SyncInterval.NEVER.isStale(1, Long.MAX_VALUE)).isFalse();
  }

  @Test
  void alwaysIsAlwaysStale() {
    assertThat(SyncInterval.ALWAYS.isStale(1_000, 1_000)).isTrue();
  }

  @Test
  void durationIsStaleOnceThatMuchTimeHasPassed() {
    SyncInterval interval = SyncInterval.parse("30s");

    assertThat(interval.isStale(100_000, 129_999)).isFalse();
    assertThat(interval.isStale(100_000, 130_000)).isTrue();
    assertThat(interval.isStale(100_000, 200_000)).isTrue();
  }

  @Test
  void pathNeverSyncedIsStaleUnlessIntervalIsNever() {
    assertThat(SyncInterval.parse("1d").isStale(0, 1)).isTrue();
    assertThat(SyncInterval.ALWAYS.isStale(0, 1)).isTrue();
    assertThat(SyncInterval.NEVER.isStale(0, 1)).isFalse();
  }

  @Test
  void toStringIsTheParsableForm() {
    assertThat(SyncInterval.NEVER).hasToString("-1");
    assertThat(SyncInterval.ALWAYS).hasToString("0ms");
    assertThat(SyncInterval.parse("30000")).hasToString("30s");
    assertThat(SyncInterval.parse(SyncInterval.parse("5min").toString()).millis())
        .isEqualTo(300_000);
  }
}
