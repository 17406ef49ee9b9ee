package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import io.metasync.common.CauseChain;
import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncListener;
import io.metasync.master.sync.SyncOutcome;
import io.metasync.master.sync.SyncTrigger;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The syncs the pages show, told by the sync coordinator: those running now, a bounded ring of the
 * last finished ones, and per mount the syncs finished since the master started. Its methods run on
 * sync threads, so they only take a short lock. Thread-safe.
 */
final class SyncHistory implements SyncListener {
  /** A sync that has started and not finished. */
  record Running(NamespacePath path, SyncDepth depth, SyncTrigger trigger, long startedMs) {}

  /** A finished sync and when it finished. */
  record Finished(SyncOutcome outcome, long finishedMs) {}

  /** Per mount: syncs finished, UFS entries they listed, the last one's end (0 before). */
  record MountSyncs(long syncs, long entriesListed, long lastSyncMs) {
    static final MountSyncs NONE = new MountSyncs(0, 0, 0);
  }

  private final int capacity;
  private final MountTable mounts;
  private final Clock clock;
  private final RecentErrors errors;
  private final List<Running> running = new ArrayList<>();
  private final Deque<Finished> finished = new ArrayDeque<>();
  private final Map<NamespacePath, MountSyncs> byMount = new ConcurrentHashMap<>();

  SyncHistory(int capacity, MountTable mounts, Clock clock, RecentErrors errors) {
    this.capacity = capacity;
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.errors = requireNonNull(errors, "errors is null");
  }

  @Override
  public void syncStarted(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {
    Running started = new Running(path, depth, trigger, clock.millis());
    synchronized (this) {
      running.add(started);
    }
  }

  @Override
  public void syncJoined(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {
    // a joined request lists nothing itself; the sync it joined is shown already
  }

  @Override
  public void syncFinished(SyncOutcome outcome) {
    long nowMs = clock.millis();
    synchronized (this) {
      removeRunning(outcome);
      if (finished.size() == capacity) {
        finished.removeFirst();
      }
      finished.addLast(new Finished(outcome, nowMs));
    }
    if (outcome.failed()) {
      errors.add(
          new RecentErrors.Event(
              nowMs,
              "sync failed (" + Html.label(outcome.trigger()) + ")",
              outcome.path().toString(),
              CauseChain.describe(outcome.error())));
      return;
    }
    NamespacePath mount = mountOf(outcome.path());
    byMount.merge(
        mount,
        new MountSyncs(1, outcome.counts().listed(), nowMs),
        (before, now) ->
            new MountSyncs(
                before.syncs() + 1,
                before.entriesListed() + now.entriesListed(),
                Math.max(before.lastSyncMs(), now.lastSyncMs())));
  }

  private void removeRunning(SyncOutcome outcome) {
    for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
      Running next = it.next();
      if (next.path().equals(outcome.path())
          && next.depth() == outcome.depth()
          && next.trigger() == outcome.trigger()) {
        it.remove();
        return;
      }
    }
  }

  private NamespacePath mountOf(NamespacePath path) {
    NamespacePath deepest = NamespacePath.ROOT;
    for (MountPoint mount : mounts.list()) {
      if (path.startsWith(mount.path()) && mount.path().depth() > deepest.depth()) {
        deepest = mount.path();
      }
    }
    return deepest;
  }

  synchronized List<Running> running() {
    return List.copyOf(running);
  }

  /** The newest first. */
  synchronized List<Finished> recent() {
    List<Finished> newest = new ArrayList<>(finished);
    Collections.reverse(newest);
    return newest;
  }

  MountSyncs mountSyncs(NamespacePath mount) {
    return byMount.getOrDefault(mount, MountSyncs.NONE);
  }
}
