package io.metasync.master.activesync;

import static io.metasync.common.Preconditions.checkArgument;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The sync points active sync follows now, by path, and the rule that they never nest. Changed on
 * the control thread only; read from any thread, so that {@code getSyncPathList} answers at once
 * whatever the control thread is doing.
 */
final class SyncPointRegistry {
  private final ConcurrentSkipListMap<NamespacePath, SyncPoint> points =
      new ConcurrentSkipListMap<>();

  /**
   * Checks that {@code path} may become a sync point: not one already, neither inside one nor
   * containing one, because nested sync points would sync the same folders twice.
   *
   * @throws MetasyncException ALREADY_EXISTS, or FAILED_PRECONDITION naming the other sync point
   */
  void checkCanStart(NamespacePath path) {
    for (NamespacePath existing : points.keySet()) {
      if (existing.equals(path)) {
        throw new MetasyncException(ErrorCode.ALREADY_EXISTS, path + " is already a sync point");
      }
      if (path.isDescendantOf(existing)) {
        throw MetasyncException.failedPrecondition(
            "cannot start sync on "
                + path
                + ": it is inside the sync point "
                + existing
                + ", which covers it");
      }
      if (existing.isDescendantOf(path)) {
        throw MetasyncException.failedPrecondition(
            "cannot start sync on "
                + path
                + ": it contains the sync point "
                + existing
                + "; stop that first");
      }
    }
  }

  void add(SyncPoint point) {
    SyncPoint previous = points.putIfAbsent(point.path(), point);
    checkArgument(previous == null, "%s is already a sync point", point.path());
  }

  Optional<SyncPoint> get(NamespacePath path) {
    return Optional.ofNullable(points.get(path));
  }

  /**
   * Whether {@code point} is still followed: a sync that outlived its point's {@code stopSync} (or
   * a {@code startSync} of the same path after it) must not report for it.
   */
  boolean isCurrent(SyncPoint point) {
    return points.get(point.path()) == point;
  }

  Optional<SyncPoint> remove(NamespacePath path) {
    return Optional.ofNullable(points.remove(path));
  }

  /** Removes and returns the sync points that the mount at {@code mountPath} serves. */
  List<SyncPoint> removeOnMount(NamespacePath mountPath) {
    List<SyncPoint> removed = onMount(mountPath);
    removed.forEach(point -> points.remove(point.path(), point));
    return removed;
  }

  /** Every sync point, in path order. */
  /** Forgets every sync point: this master stopped leading, and a new leader resumes them. */
  void clear() {
    points.clear();
  }

  List<SyncPoint> all() {
    return List.copyOf(points.values());
  }

  /** The sync points that the mount at {@code mountPath} serves, in path order. */
  List<SyncPoint> onMount(NamespacePath mountPath) {
    List<SyncPoint> onMount = new ArrayList<>();
    for (SyncPoint point : points.values()) {
      if (point.mountPath().equals(mountPath)) {
        onMount.add(point);
      }
    }
    return onMount;
  }

  /** The mounts that serve at least one sync point, in path order. */
  SortedSet<NamespacePath> mountPaths() {
    SortedSet<NamespacePath> mounts = new TreeSet<>();
    points.values().forEach(point -> mounts.add(point.mountPath()));
    return mounts;
  }

  List<SyncPointStatus> statuses() {
    return points.values().stream().map(SyncPoint::status).toList();
  }
}
