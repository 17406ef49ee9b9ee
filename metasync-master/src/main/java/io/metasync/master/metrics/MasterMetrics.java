package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.grpc.ServerInterceptor;
import io.metasync.common.Ticker;
import io.metasync.master.activesync.SyncPointStatus;
import io.metasync.master.inode.InodeCacheCounts;
import io.metasync.master.journal.Journal;
import io.metasync.master.journal.JournalRole;
import io.metasync.master.journal.RatisJournal;
import io.metasync.master.sync.SyncListener;
import io.metasync.ufs.UnderFileSystem;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The master's metrics, wired from the outside: a gRPC interceptor, a UFS decorator, a journal
 * decorator, a sync listener and gauges read at each scrape. {@link #scrape} is {@code /metrics}.
 */
public final class MasterMetrics {
  private final MetricRegistry registry = new MetricRegistry();
  private final Ticker ticker;
  private final Clock clock;
  private final UfsCallMetrics ufsCalls;
  private final RpcMetricsInterceptor rpcInterceptor;
  private final SyncMetrics syncs;

  /** What the namespace gauges read at each scrape. */
  public record NamespaceGauges(
      LongSupplier inodeCount,
      IntSupplier mountCount,
      Supplier<List<SyncPointStatus>> syncPoints,
      Supplier<Optional<InodeCacheCounts>> inodeCache,
      Supplier<List<UnderFileSystem>> mountedUfs) {
    public NamespaceGauges {
      requireNonNull(mountedUfs, "mountedUfs is null");
      requireNonNull(inodeCache, "inodeCache is null");
      requireNonNull(inodeCount, "inodeCount is null");
      requireNonNull(mountCount, "mountCount is null");
      requireNonNull(syncPoints, "syncPoints is null");
    }
  }

  /**
   * @param ticker times calls
   * @param clock the master's clock: uptime and ages
   */
  public MasterMetrics(Ticker ticker, Clock clock) {
    this.ticker = requireNonNull(ticker, "ticker is null");
    this.clock = requireNonNull(clock, "clock is null");
    ufsCalls = new UfsCallMetrics(registry, ticker);
    rpcInterceptor = new RpcMetricsInterceptor(registry, ticker);
    syncs = new SyncMetrics(registry);
    JvmMetrics.register(registry);
    long startedMs = clock.millis();
    registry.gauge(
        "metasync_uptime_seconds",
        "Seconds since the master started.",
        List.of(),
        samples -> samples.add((clock.millis() - startedMs) / 1000.0));
  }

  /** Wraps a UFS as it is opened, so its calls are counted and timed. */
  public UnderFileSystem meterUfs(UnderFileSystem ufs) {
    return ufsCalls.meter(ufs);
  }

  /** Counts and times RPCs; place it outermost, so refused calls count too. */
  public ServerInterceptor rpcInterceptor() {
    return rpcInterceptor;
  }

  /** Counts and times syncs; add it to the sync coordinator. */
  public SyncListener syncListener() {
    return syncs;
  }

  /**
   * Times {@code journal}'s writes and shows its applied index and snapshot age; call once.
   *
   * @return the journal to use instead
   */
  public Journal timeJournal(RatisJournal journal) {
    registry.gauge(
        "metasync_journal_applied_index",
        "Index of the last journal entry applied on this master.",
        List.of(),
        samples -> samples.add(journal.appliedIndex()));
    registry.gauge(
        "metasync_journal_term",
        "The journal group's term as this master knows it (it grows at each election).",
        List.of(),
        samples -> samples.add(journal.role().term()));
    registry.gauge(
        "metasync_master_role",
        "1 for this master's role in its journal group (leader, standby, candidate), 0 for the"
            + " others.",
        List.of("role"),
        samples -> {
          JournalRole.Role now = journal.role().role();
          for (JournalRole.Role role : JournalRole.Role.values()) {
            samples.add(role == now ? 1 : 0, role.name().toLowerCase(Locale.ROOT));
          }
        });
    registry.gauge(
        "metasync_journal_snapshot_age_seconds",
        "Seconds since the newest journal snapshot was written (no sample before the first).",
        List.of(),
        samples ->
            journal
                .latestSnapshotTime()
                .ifPresent(time -> samples.add((clock.millis() - time.toEpochMilli()) / 1000.0)));
    return new TimedJournal(
        journal,
        registry.histogram(
            "metasync_journal_write_duration_seconds",
            "Time from appending a journal entry to its being applied on this master."),
        registry.counter("metasync_journal_write_failures_total", "Journal writes that failed."),
        ticker);
  }

  /** Shows the namespace's size and each sync point's freshness; call once. */
  public void watchNamespace(NamespaceGauges namespace) {
    registry.counterFrom(
        "metasync_ufs_throttled_requests_total",
        "Requests the UFS refused as too many (S3 503 SlowDown) and that were retried after a"
            + " back-off.",
        List.of("ufs"),
        samples -> {
          Map<String, Long> byUfs = new TreeMap<>();
          for (UnderFileSystem ufs : namespace.mountedUfs().get()) {
            byUfs.merge(UfsCallMetrics.label(ufs.rootUri()), ufs.throttledRequests(), Long::sum);
          }
          byUfs.forEach((ufs, throttled) -> samples.add(throttled, ufs));
        });
    registry.counterFrom(
        "metasync_inode_cache_requests_total",
        "Reads of the inode store by whether its cache answered (hit) or RocksDB was read (miss);"
            + " no sample for the heap store.",
        List.of("outcome"),
        samples ->
            namespace
                .inodeCache()
                .get()
                .ifPresent(
                    counts -> {
                      samples.add(counts.hits(), "hit");
                      samples.add(counts.misses(), "miss");
                    }));
    registry.gauge(
        "metasync_inodes",
        "Cached inodes.",
        List.of(),
        samples -> samples.add(namespace.inodeCount().getAsLong()));
    registry.gauge(
        "metasync_mounts",
        "Mount points, / included.",
        List.of(),
        samples -> samples.add(namespace.mountCount().getAsInt()));
    SyncPointMetrics.register(registry, namespace.syncPoints(), clock);
  }

  /** Calls so far to the UFS rooted at {@code rootUri} (as {@code metasync_ufs_calls_total}). */
  public UfsCallMetrics.UfsCallCount ufsCalls(URI rootUri) {
    return ufsCalls.count(rootUri);
  }

  /** The names of every metric family, sorted. */
  public List<String> names() {
    return registry.names();
  }

  /** Every metric, in the Prometheus text format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }
}
