package io.metasync.ufs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;

/**
 * One UFS entry as the UFS reports it: its name and its metadata. The metadata is one record,
 * {@link Fingerprint}, shared with the cache's inodes, so that a field is added in one place.
 *
 * @param name the entry's name in its folder; the empty string for the UFS root
 */
public record UfsStatus(String name, Fingerprint fingerprint) {
  public UfsStatus {
    requireNonNull(name, "name is null");
    requireNonNull(fingerprint, "fingerprint is null");
    // the parameters: the fields are set only when this constructor ends
    long length = fingerprint.length();
    int mode = fingerprint.mode();
    checkArgument(length >= 0, "length of %s is negative: %s", name, length);
    checkArgument(mode >= 0 && mode <= 07777, "mode of %s is out of range: %s", name, mode);
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
}
