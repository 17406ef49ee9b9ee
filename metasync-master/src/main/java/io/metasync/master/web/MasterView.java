package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.NamespacePath;
import io.metasync.master.activesync.SyncPointStatus;
import io.metasync.master.metrics.MasterMetrics;
import io.metasync.master.mount.MountTable;
import io.metasync.master.sync.SyncCoordinator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the operator pages read, each at every request; the pages change none of it.
 *
 * @param syncPoints active sync's statuses, answered at once even while a sync runs
 * @param syncs the pages listen to it for running and recent syncs
 * @param pathConf the path configuration ({@code fs pathConf}), by path
 * @param clock the master's clock: uptime, ages and staleness
 */
public record MasterView(
    MetasyncConfiguration conf,
    MountTable mounts,
    Supplier<List<SyncPointStatus>> syncPoints,
    SyncCoordinator syncs,
    LongSupplier inodeCount,
    MasterMetrics metrics,
    MasterRoleView role,
    Supplier<SortedMap<NamespacePath, Map<String, String>>> pathConf,
    Clock clock) {
  public MasterView {
    requireNonNull(conf, "conf is null");
    requireNonNull(mounts, "mounts is null");
    requireNonNull(syncPoints, "syncPoints is null");
    requireNonNull(syncs, "syncs is null");
    requireNonNull(inodeCount, "inodeCount is null");
    requireNonNull(metrics, "metrics is null");
    requireNonNull(role, "role is null");
    requireNonNull(pathConf, "pathConf is null");
    requireNonNull(clock, "clock is null");
  }
}
