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
}
