package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.MetasyncConfiguration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActiveSyncOptionsTest {
  @Test
  void theDefaultsAreTheDocumentedOnes() {
    ActiveSyncOptions options = ActiveSyncOptions.from(MetasyncConfiguration.defaults());

    assertThat(options).isEqualTo(new ActiveSyncOptions(Duration.ofSeconds(30), 10, 10, true));
  }

  @Test
  void eachKeyReachesItsOption() {
    ActiveSyncOptions options =
        ActiveSyncOptions.from(
            MetasyncConfiguration.of(
                Map.of(
                    "metasync.master.activesync.interval", "250ms",
                    "metasync.master.activesync.maxactivity", "7",
                    "metasync.master.activesync.maxage", "3",
                    "metasync.master.activesync.initialsync", "false")));

    assertThat(options).isEqualTo(new ActiveSyncOptions(Duration.ofMillis(250), 7, 3, false));
  }

  @Test
  void nonPositiveLimitsAndNegativeIntervalsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> new ActiveSyncOptions(Duration.ofSeconds(1), 0, 3, true))
        .hasMessageContaining("maxactivity");
    assertThatThrownBy(() -> new ActiveSyncOptions(Duration.ofSeconds(1), 10, 0, true))
        .hasMessageContaining("maxage");
    assertThatThrownBy(() -> new ActiveSyncOptions(Duration.ofSeconds(-1), 10, 3, true))
        .hasMessageContaining("interval");
  }
}
