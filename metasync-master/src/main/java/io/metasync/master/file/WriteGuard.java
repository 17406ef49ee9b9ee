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
import java.util.List;
import java.util.Optional;

/**
 * Checks shared by writes, and the update of a parent folder whose UFS metadata a write changed.
 */
final class WriteGuard {
  private final InodeTree tree;
  private final MountTable mounts;

  WriteGuard(InodeTree tree, MountTable mounts) {
    this.tree = tree;
    this.mounts = mounts;
  }

  UfsLocation writableLocation(NamespacePath path) {
    UfsLocation location = mounts.resolve(path);
    requireWritable(path, location);
    return location;
  }

  /** Refuses a write to {@code path} when its {@code location} is in a read-only mount. */
  void requireWritable(NamespacePath path, UfsLocation location) {
    if (location.mount().options().readOnly()) {
      throw new MetasyncException(
          ErrorCode.PERMISSION_DENIED,
          path
              + " is in the read-only mount "
              + location.mount().path()
              + "; writes there are refused");
    }
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
   * Moves a folder's cached modification time to {@code changedMs}, when a write changed its
   * children then (the UFS stamps the folder's time itself), adding the update to the write's
   * {@code changes}: derived, not read back, so a write makes one UFS call. The time is the written
   * entry's own where the UFS gave one, else the master's clock; a sync with interval 0 replaces it
   * with the UFS's exact time (invariant 4). The caller holds a read lock on the folder (an
   * ancestor of what it wrote): two writers in one folder may both move it.
   */
  void touchDirectory(NamespacePath path, long changedMs, InodeChanges changes) {
    Optional<Inode> cached = tree.lookup(path);
    if (cached.isPresent()
        && cached.get().isDirectory()
        && changedMs > cached.get().lastModifiedMs()) {
      changes.put(cached.get().withUfsStatus(WrittenStatus.touched(cached.get(), changedMs)));
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
