package io.metasync.master.file;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeChanges;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.SyncPathCache;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Checks shared by writes, and the refresh of a parent folder whose UFS metadata a write changed.
 */
final class WriteGuard {
  private final InodeTree tree;
  private final MountTable mounts;
  private final SyncPathCache syncPathCache;

  WriteGuard(InodeTree tree, MountTable mounts, SyncPathCache syncPathCache) {
    this.tree = tree;
    this.mounts = mounts;
    this.syncPathCache = syncPathCache;
  }

  UfsLocation writableLocation(NamespacePath path) {
    UfsLocation location = mounts.resolve(path);
    if (location.mount().options().readOnly()) {
      throw new MetasyncException(
          ErrorCode.PERMISSION_DENIED,
          path
              + " is in the read-only mount "
              + location.mount().path()
              + "; writes there are refused");
    }
    return location;
  }

  void checkNotMountRelated(NamespacePath path, String operation) {
    if (path.isRoot()) {
      throw MetasyncException.invalidArgument("cannot " + operation + " /");
    }
    if (mounts.isMountPoint(path)) {
      throw MetasyncException.failedPrecondition(
          "cannot " + operation + " " + path + ": it is a mount point; unmount it instead");
    }
    List<MountPoint> below = mounts.mountsBelow(path);
    if (!below.isEmpty()) {
      throw MetasyncException.failedPrecondition(
          "cannot "
              + operation
              + " "
              + path
              + ": it contains the mount point "
              + below.get(0).path()
              + "; unmount it first");
    }
  }

  static Inode requireDirectory(Optional<Inode> parent, NamespacePath path, String operation) {
    if (parent.isEmpty()) {
      throw new MetasyncException(
          ErrorCode.NOT_FOUND,
          "cannot " + operation + " " + path + ": its parent " + path.parent() + " does not exist");
    }
    if (!parent.get().isDirectory()) {
      throw MetasyncException.failedPrecondition(
          "cannot " + operation + " " + path + ": its parent " + path.parent() + " is a file");
    }
    return parent.get();
  }

  /**
   * Re-reads a folder's own UFS metadata after a write changed its children (the UFS moved its
   * modification time) and adds the update to the write's {@code changes}, so the cache keeps
   * matching the UFS. The caller holds a read lock on the folder (an ancestor of what it wrote):
   * two writers in one folder may both refresh it, and either answer is the UFS's own.
   */
  void refreshDirectory(NamespacePath path, InodeChanges changes) {
    Optional<Inode> cached = tree.lookup(path);
    if (cached.isEmpty()) {
      return;
    }
    UfsLocation location = mounts.resolve(path);
    try {
      Optional<UfsStatus> status = location.ufs().getStatus(location.ufsPath());
      if (status.isPresent()
          && status.get().isDirectory()
          && cached.get().fingerprint().compare(status.get().fingerprint())
              != Fingerprint.Change.NONE) {
        changes.put(cached.get().withUfsStatus(status.get()));
      }
    } catch (IOException e) {
      // The write itself succeeded; the next sync of the folder picks its metadata up.
      syncPathCache.invalidate(path);
    }
  }

  static MetasyncException vanishedAfterWrite(UfsLocation location) {
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        location.path()
            + " (UFS "
            + location.uri()
            + ") vanished right after it was written; retry");
  }
}
