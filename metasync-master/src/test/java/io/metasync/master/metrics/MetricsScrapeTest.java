package io.metasync.master.metrics;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.metasync.master.MasterFixture;
import io.metasync.master.RpcCalls;
import io.metasync.master.metrics.PrometheusTextParser.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a real master, after real calls over gRPC, an on-demand sync and an active
 * sync of a local folder, read by a strict text-format parser.
 */
class MetricsScrapeTest {
  private static final int FILES = 12;

  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static Map<String, Family> metrics;
  private static Instant scraped;

  @BeforeAll
  static void callsAndSyncsThenScrape() throws Exception {
    fixture =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of("metasync.master.activesync.interval", "100ms"));
    Path data = Files.createDirectories(fixture.rootFolder().resolve("data"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(data.resolve("f" + i), "x");
    }
    Files.createDirectories(fixture.rootFolder().resolve("watched"));
    RpcCalls calls = new RpcCalls(fixture);
    assertThat(calls.list("/data", false, ALWAYS)).hasSize(FILES);
    RpcCalls.assertFailsWith(
        () -> calls.stat("/missing", ALWAYS), Status.Code.NOT_FOUND, "/missing");
    calls.startSync("/watched");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> calls.syncPoints().get(0).getLastSyncMs() > 0);
    Files.writeString(fixture.rootFolder().resolve("watched/late.txt"), "late");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> calls.names("/watched", NEVER).contains("late.txt"));
    metrics = MetricsScrape.scrape(fixture);
    scraped = Instant.now();
  }

  @AfterAll
  static void stopMaster() throws InterruptedException {
    fixture.close();
  }

  @Test
  void everyDocumentedMetricIsExportedAndFollowsTheNamingConventions() {
    assertThat(metrics.keySet()).containsAll(MetricsScrape.documentedNames());
    metrics
        .values()
        .forEach(
            family -> {
              assertThat(family.name()).startsWith("metasync_");
              assertThat(family.help()).as(family.name()).isNotBlank();
              if (family.type().equals("counter")) {
                assertThat(family.name()).endsWith("_total");
              } else {
                assertThat(family.name()).doesNotEndWith("_total");
              }
              if (family.type().equals("histogram")) {
                assertThat(family.name()).endsWith("_seconds");
              }
            });
  }

  @Test
  void rpcsAreCountedAndTimedByMethodAndStatusCode() {
    Family calls = metrics.get("metasync_rpc_calls_total");
    Family durations = metrics.get("metasync_rpc_duration_seconds");

    Map<String, String> listed = Map.of("method", "ListStatus", "code", "OK");
    Map<String, String> missing = Map.of("method", "GetStatus", "code", "NOT_FOUND");
    assertThat(calls.value("metasync_rpc_calls_total", listed)).isGreaterThanOrEqualTo(1);
    assertThat(calls.value("metasync_rpc_calls_total", missing)).isEqualTo(1);
    assertThat(calls.value("metasync_rpc_calls_total", Map.of("method", "StartSync", "code", "OK")))
        .isEqualTo(1);
    assertThat(durations.value("metasync_rpc_duration_seconds_count", missing)).isEqualTo(1);
    assertThat(durations.value("metasync_rpc_duration_seconds_sum", missing)).isPositive();
  }

  @Test
  void ufsCallsAreCountedByUfsAndOperation() {
    Family calls = metrics.get("metasync_ufs_calls_total");
    String root = fixture.rootFolder().toUri().toString().replaceAll("/$", "");

    assertThat(calls.value("metasync_ufs_calls_total", Map.of("ufs", root, "operation", "list")))
        .isGreaterThanOrEqualTo(2);
    assertThat(calls.sum("metasync_ufs_calls_total", Map.of("operation", "get_status")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            metrics
                .get("metasync_ufs_call_duration_seconds")
                .value(
                    "metasync_ufs_call_duration_seconds_count",
                    Map.of("ufs", root, "operation", "list")))
        .isEqualTo(
            calls.value("metasync_ufs_calls_total", Map.of("ufs", root, "operation", "list")));
  }

  @Test
  void onDemandAndActiveSyncsAreCountedWithWhatTheyListedAndApplied() {
    Family started = metrics.get("metasync_syncs_started_total");
    Family listed = metrics.get("metasync_sync_entries_listed_total");
    Family applied = metrics.get("metasync_sync_entries_applied_total");

    Family durations = metrics.get("metasync_sync_duration_seconds");
    double onDemand =
        durations.sum("metasync_sync_duration_seconds_count", Map.of("trigger", "on_demand"));
    double active =
        durations.sum("metasync_sync_duration_seconds_count", Map.of("trigger", "active_sync"));
    assertThat(onDemand).isGreaterThanOrEqualTo(1);
    assertThat(active)
        .as("the initial sync and the one after the change")
        .isGreaterThanOrEqualTo(2);
    assertThat(started.value("metasync_syncs_started_total", Map.of()))
        .as("the unlabelled series of before is kept")
        .isEqualTo(onDemand + active);
    assertThat(listed.value("metasync_sync_entries_listed_total", Map.of("trigger", "on_demand")))
        .isGreaterThanOrEqualTo(FILES);
    assertThat(
            applied.value(
                "metasync_sync_entries_applied_total",
                Map.of("trigger", "on_demand", "change", "added")))
        .isGreaterThanOrEqualTo(FILES);
    assertThat(
            applied.value(
                "metasync_sync_entries_applied_total",
                Map.of("trigger", "active_sync", "change", "added")))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSyncPointShowsItsLastSuccessfulSyncAndNothingPending() {
    Map<String, String> watched = Map.of("path", "/watched");
    double lastSuccess =
        metrics
            .get("metasync_sync_point_last_success_timestamp_seconds")
            .value("metasync_sync_point_last_success_timestamp_seconds", watched);

    assertThat(metrics.get("metasync_sync_points").value("metasync_sync_points", Map.of()))
        .isEqualTo(1);
    assertThat(lastSuccess)
        .isBetween(scraped.getEpochSecond() - 60.0, scraped.getEpochSecond() + 1.0);
    assertThat(metrics.get("metasync_sync_point_state").sum("metasync_sync_point_state", watched))
        .isEqualTo(1);
    assertThat(
            metrics
                .get("metasync_sync_point_oldest_pending_change_age_seconds")
                .value("metasync_sync_point_oldest_pending_change_age_seconds", watched))
        .as("everything the feed reported is applied")
        .isZero();
    assertThat(
            metrics
                .get("metasync_sync_point_feed_lag_seconds")
                .value("metasync_sync_point_feed_lag_seconds", watched))
        .as("the local feed answers every round")
        .isBetween(0.0, 30.0);
  }

  @Test
  void theJournalTheNamespaceAndTheJvmShowSaneValues() {
    assertThat(value("metasync_journal_applied_index")).isPositive();
    assertThat(
            metrics
                .get("metasync_journal_write_duration_seconds")
                .value("metasync_journal_write_duration_seconds_count", Map.of()))
        .isPositive();
    assertThat(value("metasync_inodes")).isGreaterThanOrEqualTo(FILES + 3);
    assertThat(value("metasync_mounts")).isEqualTo(1);
    assertThat(value("metasync_jvm_heap_used_bytes")).isPositive();
    assertThat(value("metasync_jvm_heap_max_bytes"))
        .isGreaterThanOrEqualTo(value("metasync_jvm_heap_used_bytes"));
    assertThat(metrics.get("metasync_jvm_gc_collections_total").samples()).isNotEmpty();
    assertThat(value("metasync_uptime_seconds")).isGreaterThanOrEqualTo(0);
  }

  private static double value(String name) {
    return metrics.get(name).value(name, Map.of());
  }
}
