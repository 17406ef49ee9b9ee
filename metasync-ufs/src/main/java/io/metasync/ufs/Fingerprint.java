package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;

/**
 * The metadata of a file or folder, as a UFS reports it and as the cache holds it (in {@link
 * UfsStatus} and in the master's inodes), and what a sync compares to decide whether it changed.
 * Type, length, modification time and content hash describe the content; owner, group and mode are
 * metadata, so a {@code chmod} behind metasync's back is told apart from a rewrite.
 *
 * @param length bytes for a file, 0 for a folder
 * @param mode POSIX permission bits, 0 to 07777
 * @param contentHash a hash or etag where the UFS has one, otherwise the empty string
 */
public record Fingerprint(
    FileType type,
    long length,
    long lastModifiedMs,
    String owner,
    String group,
    int mode,
    String contentHash) {

  public Fingerprint {
    requireNonNull(type, "type is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(group, "group is null");
    requireNonNull(contentHash, "contentHash is null");
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  /** How an entry changed between two fingerprints of it. */
  public enum Change {
    NONE,
    /** Only owner, group or mode differ: the bytes are the same. */
    METADATA,
    /** Type, length, modification time or content hash differ. */
    CONTENT
  }

  /** How {@code newer} differs from this fingerprint. */
  public Change compare(Fingerprint newer) {
    if (type != newer.type
        || length != newer.length
        || lastModifiedMs != newer.lastModifiedMs
        || !contentHash.equals(newer.contentHash)) {
      return Change.CONTENT;
    }
    if (!owner.equals(newer.owner) || !group.equals(newer.group) || mode != newer.mode) {
      return Change.METADATA;
    }
    return Change.NONE;
  }
}
