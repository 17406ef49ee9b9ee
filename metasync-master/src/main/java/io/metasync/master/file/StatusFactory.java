package io.metasync.master.file;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.OnDemandSync;

/** Builds the {@link PathStatus} answers of reads and writes. */
final class StatusFactory {
  private final MountTable mounts;
  private final OnDemandSync onDemandSync;

  StatusFactory(MountTable mounts, OnDemandSync onDemandSync) {
    this.mounts = mounts;
    this.onDemandSync = onDemandSync;
  }

  PathStatus of(NamespacePath path, Inode inode) {
    UfsLocation location = mounts.resolve(path);
    return new PathStatus(
        path, inode, location.uri(), onDemandSync.lastSynced(path), location.isMountPoint());
  }

  /**
   * The statuses of the children of {@code folder}, with what they share resolved once for all of
   * them: the folder's mount and UFS path, and when its listing was last synced. A listing asks the
   * mount table and the sync-path cache once per folder instead of once per entry and ancestor.
   */
  Children childrenOf(NamespacePath folder) {
    return new Children(
        folder,
        mounts.resolve(folder),
        !mounts.mountsBelow(folder).isEmpty(),
        onDemandSync.childrenSynced(folder));
  }

  /** See {@link #childrenOf}. */
  final class Children {
    private final NamespacePath folder;
    private final UfsLocation location;
    private final boolean mountsBelow;
    private final long childrenSynced;

    private Children(
        NamespacePath folder, UfsLocation location, boolean mountsBelow, long childrenSynced) {
      this.folder = folder;
      this.location = location;
      this.mountsBelow = mountsBelow;
      this.childrenSynced = childrenSynced;
    }

    NamespacePath folder() {
      return folder;
    }

    /** The status of {@code child}, a child of this folder at {@code path}. */
    PathStatus of(NamespacePath path, Inode child) {
      if (mountsBelow) {
        // A child may be a mount point, which lives in a UFS of its own: resolved on its own.
        return StatusFactory.this.of(path, child);
      }
      String folderUfsPath = location.ufsPath();
      String ufsPath =
          folderUfsPath.equals("/") ? "/" + child.name() : folderUfsPath + "/" + child.name();
      return new PathStatus(
          path,
          child,
          location.ufs().uriOf(ufsPath),
          onDemandSync.lastSyncedChild(path, childrenSynced),
          false);
    }
  }
}
