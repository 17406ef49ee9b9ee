package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;

/**
 * What the master knows of one namespace entry. {@code lastSyncedMs} is when the entry was last
 * confirmed against the UFS, 0 when the master does not know, so a caller can tell how old the
 * answer may be.
 */
public record FileStatus(
    String path,
    FileType type,
    long length,
    long lastModifiedMs,
    String owner,
    String group,
    int mode,
    String ufsUri,
    long lastSyncedMs,
    boolean mountPoint) {
  public FileStatus {
    requireNonNull(path, "path is null");
    requireNonNull(type, "type is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(group, "group is null");
    requireNonNull(ufsUri, "ufsUri is null");
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }
}
