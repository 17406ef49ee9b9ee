package io.metasync.master.inode;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;

/**
 * One cached file or folder. Immutable: a change is a new {@code Inode} put into the {@link
 * InodeStore}. Its metadata is the UFS entry's {@link Fingerprint} (one record, shared with {@link
 * UfsStatus}); {@code childrenLoaded} says whether a folder's children were ever listed from the
 * UFS.
 */
public record Inode(
    long id, long parentId, String name, Fingerprint fingerprint, boolean childrenLoaded) {

  public static final long ROOT_ID = 1;

  public static final long NO_PARENT = 0;

  public static final long TRASH_ID = Long.MAX_VALUE - 1;

  public Inode {
    requireNonNull(name, "name is null");
    requireNonNull(fingerprint, "fingerprint is null");
    checkArgument(id > 0, "inode id must be positive: %s", id);
    checkArgument(id == ROOT_ID || !name.isEmpty(), "inode %s has an empty name", id);
  }

  public static Inode fromUfs(long id, long parentId, String name, UfsStatus status) {
    return new Inode(id, parentId, name, status.fingerprint(), false);
  }

  public FileType type() {
    return fingerprint.type();
  }

  public long length() {
    return fingerprint.length();
  }

  public long lastModifiedMs() {
    return fingerprint.lastModifiedMs();
  }

  public String owner() {
    return fingerprint.owner();
  }

  public String group() {
    return fingerprint.group();
  }

  public int mode() {
    return fingerprint.mode();
  }

  public String contentHash() {
    return fingerprint.contentHash();
  }

  public boolean isDirectory() {
    return fingerprint.isDirectory();
  }

  public Inode withUfsStatus(UfsStatus status) {
    return new Inode(
        id, parentId, name, status.fingerprint(), childrenLoaded && status.isDirectory());
  }

  public Inode withChildrenLoaded(boolean loaded) {
    return new Inode(id, parentId, name, fingerprint, loaded);
  }

  public Inode withLocation(long newParentId, String newName) {
    return new Inode(id, newParentId, newName, fingerprint, childrenLoaded);
  }
}
