package io.metasync.master.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncOutcome;
import io.metasync.master.sync.SyncStats;
import io.metasync.master.sync.SyncTrigger;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

/** The one line per sync: INFO from the threshold on, DEBUG below it, with its counts. */
class MetricsSyncLogTest {
  private final ConcurrentLinkedQueue<SubstituteLoggingEvent> events =
      new ConcurrentLinkedQueue<>();
  private final SyncLog log =
      new SyncLog(
          Duration.ofSeconds(1),
          new EventRecordingLogger(
              new SubstituteLogger(SyncLog.LOGGER_NAME, events, false), events));

  private static SyncOutcome outcome(long durationMs, RuntimeException error) {
    return new SyncOutcome(
        NamespacePath.parse("/data/table"),
        SyncDepth.SUBTREE,
        SyncTrigger.ACTIVE_SYNC,
        new SyncStats.Counts(3, 40, 5, 2, 1, 4),
        durationMs,
        error);
  }

  @Test
  void aSyncAtTheThresholdIsOneInfoLineWithPathTriggerCountsDurationAndUfsCalls() {
    log.syncFinished(outcome(1000, null));

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.INFO);
              assertThat(event.getMessage())
                  .isEqualTo(
                      "sync /data/table trigger=active_sync depth=subtree listed=43 added=5 updated=2"
                          + " removed=1 ufsCalls=4 durationMs=1000");
            });
  }

  @Test
  void aFasterSyncIsLoggedAtDebug() {
    log.syncFinished(outcome(999, null));

    assertThat(events)
        .singleElement()
        .extracting(SubstituteLoggingEvent::getLevel)
        .isEqualTo(Level.DEBUG);
  }

  @Test
  void aFailedSyncsLineEndsWithItsError() {
    log.syncFinished(outcome(5, MetasyncException.notFound(NamespacePath.parse("/data/table"))));

    assertThat(events)
        .singleElement()
        .extracting(SubstituteLoggingEvent::getMessage)
        .asString()
        .endsWith("durationMs=5 failed: /data/table does not exist");
  }
}
