package io.metasync.ufs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;

/**
 * One UFS entry as the UFS reports it.
 *
 * @param name the entry's name in its folder; the empty string for the UFS root
 * @param length bytes for a file, 0 for a folder
 * @param mode POSIX permission bits, 0 to 07777
 * @param contentHash a hash or etag where the UFS has one, otherwise the empty string
 */
public record UfsStatus(
    String name,
    FileType type,
    long length,
    long lastModifiedMs,
    String owner,
    String group,
    int mode,
    String contentHash) {

  public UfsStatus {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(group, "group is null");
    requireNonNull(contentHash, "contentHash is null");
    checkArgument(length >= 0, "length of %s is negative: %s", name, length);
    checkArgument(mode >= 0 && mode <= 07777, "mode of %s is out of range: %s", name, mode);
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public Fingerprint fingerprint() {
    return new Fingerprint(type, length, lastModifiedMs, owner, group, mode, contentHash);
  }
}
