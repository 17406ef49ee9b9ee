package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import java.net.URI;

/**
 * What the master answers about one path: its inode, where it lives, and how fresh the answer is.
 */
public record PathStatus(
    NamespacePath path, Inode inode, URI ufsUri, long lastSyncedMs, boolean mountPoint) {
  public PathStatus {
    requireNonNull(path, "path is null");
    requireNonNull(inode, "inode is null");
    requireNonNull(ufsUri, "ufsUri is null");
  }
}
