package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.CachedChildren;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.SyncStats;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Compares the cache with the UFS without changing either: reports each path that exists on one
 * side only or whose type, length, modification time, owner, group or mode differ. A folder whose
 * children were never loaded makes no claim about them, so they are not compared.
 */
public final class ConsistencyChecker {
  private final InodeTree tree;
  private final MountTable mounts;
  private final PathLockManager locks;
  private final int pageSize;

  public ConsistencyChecker(
      InodeTree tree, MountTable mounts, PathLockManager locks, int pageSize) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.locks = requireNonNull(locks, "locks is null");
    this.pageSize = pageSize;
  }

  /**
   * Reports differences to {@code report} as (path, description).
   *
   * @param stats counts the entries compared, for progress reports
   * @return the number of paths compared
   * @throws MetasyncException NOT_FOUND when the path is not cached; UNAVAILABLE when the UFS fails
   */
  public long check(
      NamespacePath path,
      boolean recursive,
      SyncStats stats,
      BiConsumer<NamespacePath, String> report) {
    Inode top = tree.lookup(path).orElseThrow(() -> MetasyncException.notFound(path));
    UfsLocation location = mounts.resolve(path);
    Optional<UfsStatus> topInUfs;
    try {
      topInUfs = location.ufs().getStatus(location.ufsPath());
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
    long compared = 1;
    if (topInUfs.isEmpty()) {
      report.accept(path, "exists in metasync but not in the UFS");
      return compared;
    }
    describe(top, topInUfs.get()).ifPresent(difference -> report.accept(path, difference));
    Deque<NamespacePath> pending = new ArrayDeque<>();
    if (top.isDirectory() && topInUfs.get().isDirectory()) {
      pending.push(path);
    }
    while (!pending.isEmpty()) {
      NamespacePath directory = pending.pop();
      List<NamespacePath> subfolders = new ArrayList<>();
      compared += compareChildren(directory, subfolders, stats, report);
      if (recursive) {
        subfolders.forEach(pending::push);
      }
    }
    return compared;
  }

  private long compareChildren(
      NamespacePath path,
      List<NamespacePath> subfolders,
      SyncStats stats,
      BiConsumer<NamespacePath, String> report) {
    long compared = 0;
    try (LockedPaths ignored = locks.lock(path, LockMode.READ)) {
      Optional<Inode> directory = tree.lookup(path);
      if (directory.isEmpty() || !directory.get().childrenLoaded()) {
        return 0;
      }
      UfsLocation location = mounts.resolve(path);
      try (UfsListing listing = location.ufs().list(location.ufsPath())) {
        CachedChildren cached = new CachedChildren(tree, directory.get(), pageSize);
        while (listing.hasNext()) {
          UfsStatus status = listing.next();
          while (cached.peek() != null && cached.peek().name().compareTo(status.name()) < 0) {
            compared += reportOnlyCached(path, cached.take(), report);
          }
          Inode match =
              cached.peek() != null && cached.peek().name().equals(status.name())
                  ? cached.take()
                  : null;
          NamespacePath childPath = path.child(status.name());
          if (mounts.isMountPoint(childPath)) {
            continue;
          }
          compared++;
          stats.entryLoaded(status.isDirectory());
          if (match == null) {
            report.accept(childPath, "exists in the UFS but not in metasync");
            continue;
          }
          describe(match, status).ifPresent(difference -> report.accept(childPath, difference));
          if (match.isDirectory() && status.isDirectory()) {
            subfolders.add(childPath);
          }
        }
        while (cached.peek() != null) {
          compared += reportOnlyCached(path, cached.take(), report);
        }
      } catch (IOException e) {
        throw UfsErrors.translate(e, location);
      }
    }
    for (var mount : mounts.mountsBelow(path)) {
      if (mount.path().parent().equals(path)) {
        subfolders.add(mount.path());
      }
    }
    return compared;
  }

  private long reportOnlyCached(
      NamespacePath parent, Inode child, BiConsumer<NamespacePath, String> report) {
    NamespacePath childPath = parent.child(child.name());
    if (mounts.isMountPoint(childPath)) {
      return 0;
    }
    report.accept(childPath, "exists in metasync but not in the UFS");
    return 1;
  }

  /** How the cached inode differs from the UFS entry, or empty when it does not. */
  static Optional<String> describe(Inode cached, UfsStatus inUfs) {
    Fingerprint mine = cached.fingerprint();
    Fingerprint theirs = inUfs.fingerprint();
    if (mine.compare(theirs) == Fingerprint.Change.NONE) {
      return Optional.empty();
    }
    List<String> differences = new ArrayList<>();
    if (mine.type() != theirs.type()) {
      differences.add(
          "is a "
              + name(mine.type())
              + " in metasync but a "
              + name(theirs.type())
              + " in the UFS");
    } else {
      if (mine.length() != theirs.length()) {
        differences.add(
            "length " + mine.length() + " in metasync, " + theirs.length() + " in the UFS");
      }
      if (mine.lastModifiedMs() != theirs.lastModifiedMs()) {
        differences.add(
            "modified "
                + Instant.ofEpochMilli(mine.lastModifiedMs())
                + " in metasync, "
                + Instant.ofEpochMilli(theirs.lastModifiedMs())
                + " in the UFS");
      }
      if (!mine.contentHash().equals(theirs.contentHash())) {
        differences.add("content hash differs");
      }
    }
    if (!mine.owner().equals(theirs.owner()) || !mine.group().equals(theirs.group())) {
      differences.add(
          "owner "
              + mine.owner()
              + ":"
              + mine.group()
              + " in metasync, "
              + theirs.owner()
              + ":"
              + theirs.group()
              + " in the UFS");
    }
    if (mine.mode() != theirs.mode()) {
      differences.add(
          String.format("mode %04o in metasync, %04o in the UFS", mine.mode(), theirs.mode()));
    }
    return Optional.of(String.join("; ", differences));
  }

  private static String name(FileType type) {
    return switch (type) {
      case FILE -> "file";
      case DIRECTORY -> "folder";
    };
  }
}
