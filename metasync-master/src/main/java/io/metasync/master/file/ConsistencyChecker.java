package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.CachedChildren;
import io.metasync.master.inode.CachedTreeWalk;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.ListingMerge;
import io.metasync.master.sync.SyncStats;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NotDirectoryException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Compares the cache with the UFS without changing either: reports each path that exists on one
 * side only or whose type, length, modification time, owner, group or mode differ. A folder whose
 * children were never loaded makes no claim about them, so they are not compared. A recursive check
 * holds one folder's listing and a page of names per level of the tree in memory, however wide.
 */
public final class ConsistencyChecker {
  /**
   * Times in a description: UTC with millisecond precision always (2026-11-25T11:34:56.789Z), one
   * fixed form that the command line rewrites into its own zone as {@code ls} shows times.
   */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final InodeTree tree;
  private final MountTable mounts;
  private final PathLockManager locks;
  private final FolderPages pages;

  public ConsistencyChecker(
      InodeTree tree, MountTable mounts, PathLockManager locks, int pageSize) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.locks = requireNonNull(locks, "locks is null");
    this.pages = new FolderPages(tree, locks, pageSize);
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
    if (!top.isDirectory() || !topInUfs.get().isDirectory()) {
      return compared;
    }
    compared += compareChildren(path, stats, report);
    if (!recursive) {
      return compared;
    }
    // Depth-first over the cached folders, mount points included, a page per level: memory follows
    // the depth of the tree, not its width.
    CachedTreeWalk below = new CachedTreeWalk(pages, path, CachedTreeWalk.Descent.ALL);
    while (below.hasNext()) {
      CachedTreeWalk.Entry entry = below.next();
      if (entry.inode().isDirectory()) {
        compared += compareChildren(entry.path(), stats, report);
      }
    }
    return compared;
  }

  /**
   * Compares the children of the folder {@code path}, if it is cached with its children loaded and
   * still a folder in the UFS (if not, its parent's comparison reported it).
   */
  private long compareChildren(
      NamespacePath path, SyncStats stats, BiConsumer<NamespacePath, String> report) {
    Differences differences = new Differences(path, stats, report);
    try (LockedPaths ignored = locks.lock(path, LockMode.READ)) {
      Optional<Inode> directory = tree.lookup(path);
      if (directory.isEmpty() || !directory.get().childrenLoaded()) {
        return 0;
      }
      UfsLocation location = mounts.resolve(path);
      try (UfsListing listing = location.ufs().list(location.ufsPath())) {
        ListingMerge.merge(
            listing, new CachedChildren(tree, directory.get(), pages.pageSize()), differences);
      } catch (FileNotFoundException | NotDirectoryException e) {
        // A cached folder that is a file or gone in the UFS was reported with its parent; a
        // mount point's folder gone is an error of the mount.
        if (location.isMountPoint()) {
          throw UfsErrors.translate(e, location);
        }
      } catch (IOException e) {
        throw UfsErrors.translate(e, location);
      }
    }
    return differences.compared;
  }

  /**
   * Reports the pairs of one folder's merge that differ; mount points are compared on their own.
   */
  private final class Differences implements ListingMerge.Pairs {
    private final NamespacePath folder;
    private final SyncStats stats;
    private final BiConsumer<NamespacePath, String> report;
    private long compared;

    Differences(NamespacePath folder, SyncStats stats, BiConsumer<NamespacePath, String> report) {
      this.folder = folder;
      this.stats = stats;
      this.report = report;
    }

    @Override
    public void ufsOnly(UfsStatus inUfs) {
      NamespacePath childPath = folder.child(inUfs.name());
      if (count(childPath, inUfs.isDirectory())) {
        report.accept(childPath, "exists in the UFS but not in metasync");
      }
    }

    @Override
    public void both(UfsStatus inUfs, Inode cached) {
      NamespacePath childPath = folder.child(inUfs.name());
      if (count(childPath, inUfs.isDirectory())) {
        describe(cached, inUfs).ifPresent(difference -> report.accept(childPath, difference));
      }
    }

    @Override
    public void cachedOnly(Inode cached) {
      NamespacePath childPath = folder.child(cached.name());
      if (!mounts.isMountPoint(childPath)) {
        compared++;
        report.accept(childPath, "exists in metasync but not in the UFS");
      }
    }

    /** Counts a UFS entry as compared, unless a mount point hides it. */
    private boolean count(NamespacePath childPath, boolean directory) {
      if (mounts.isMountPoint(childPath)) {
        return false;
      }
      compared++;
      stats.entryLoaded(directory);
      return true;
    }
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
                + TIME.format(Instant.ofEpochMilli(mine.lastModifiedMs()))
                + " in metasync, "
                + TIME.format(Instant.ofEpochMilli(theirs.lastModifiedMs()))
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
