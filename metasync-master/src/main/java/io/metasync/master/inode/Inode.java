package io.metasync.master.inode;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;

/**
 * One cached file or folder. Immutable: a change is a new {@code Inode} put into the {@link
 * InodeStore}. The metadata fields mirror the UFS entry; {@code childrenLoaded} says whether a
 * folder's children were ever listed from the UFS; {@code updateSeq} is the {@link
 * MutationSequence} number of the last change, which lets a sync tell that an inode changed after
 * the sync began.
 */
public record Inode(
    long id,
    long parentId,
    String name,
    FileType type,
    long length,
    long lastModifiedMs,
    String owner,
    String group,
    int mode,
    String contentHash,
    boolean childrenLoaded) {

  /** The id of the root folder. */
  public static final long ROOT_ID = 1;

  /** The parent id of the root, which has none. */
  public static final long NO_PARENT = 0;

  /**
   * The parent id of the subtrees detached from the namespace and waiting for the {@link
   * TrashPurger}: no path leads there. No inode gets it (ids count up from the root's), and it is
   * below {@link Long#MAX_VALUE} so that a store's key range of its children has an end.
   */
  public static final long TRASH_ID = Long.MAX_VALUE - 1;

  public Inode {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(group, "group is null");
    requireNonNull(contentHash, "contentHash is null");
    checkArgument(id > 0, "inode id must be positive: %s", id);
    checkArgument(id == ROOT_ID || !name.isEmpty(), "inode %s has an empty name", id);
  }

  /** A new inode for a UFS entry. */
  public static Inode fromUfs(long id, long parentId, String name, UfsStatus status) {
    return new Inode(
        id,
        parentId,
        name,
        status.type(),
        status.length(),
        status.lastModifiedMs(),
        status.owner(),
        status.group(),
        status.mode(),
        status.contentHash(),
        false);
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public Fingerprint fingerprint() {
    return new Fingerprint(type, length, lastModifiedMs, owner, group, mode, contentHash);
  }

  /**
   * This inode with the metadata of {@code status}; a folder keeps whether its children were
   * loaded.
   */
  public Inode withUfsStatus(UfsStatus status) {
    boolean loaded = childrenLoaded && status.isDirectory();
    return new Inode(
        id,
        parentId,
        name,
        status.type(),
        status.length(),
        status.lastModifiedMs(),
        status.owner(),
        status.group(),
        status.mode(),
        status.contentHash(),
        loaded);
  }

  public Inode withChildrenLoaded(boolean loaded) {
    return new Inode(
        id, parentId, name, type, length, lastModifiedMs, owner, group, mode, contentHash, loaded);
  }

  public Inode withLocation(long newParentId, String newName) {
    return new Inode(
        id,
        newParentId,
        newName,
        type,
        length,
        lastModifiedMs,
        owner,
        group,
        mode,
        contentHash,
        childrenLoaded);
  }
}
