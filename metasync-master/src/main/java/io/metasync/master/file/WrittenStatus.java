package io.metasync.master.file;

import io.metasync.master.inode.Inode;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;

/**
 * Statuses a write derives from what it did instead of asking the UFS again: the owner a {@code
 * chown} gave, the modes a {@code chmod} set, a folder's time moved by a change of its children.
 * Each is what POSIX and HDFS make of the operation; a sync with interval 0 corrects any difference
 * (invariant 4), so a write pays one UFS call, not a call and a re-read.
 */
final class WrittenStatus {
  private WrittenStatus() {}

  static UfsStatus of(Inode inode) {
    return new UfsStatus(inode.name(), inode.fingerprint());
  }

  static UfsStatus withOwner(UfsStatus status, String owner) {
    return withAttributes(status, null, owner, null);
  }

  /** {@code status} with what a {@code chmod} and a {@code chown} set ({@code null}: unchanged). */
  static UfsStatus withAttributes(UfsStatus status, Integer mode, String owner, String group) {
    return new UfsStatus(
        status.name(),
        new Fingerprint(
            status.type(),
            status.length(),
            status.lastModifiedMs(),
            owner == null ? status.owner() : owner,
            group == null ? status.group() : group,
            mode == null ? status.mode() : mode,
            status.contentHash()));
  }

  /**
   * A folder whose children changed at {@code changedMs}: its time moves there, never back (a UFS
   * stamps a folder's time when an entry is added, removed or renamed in it).
   */
  static UfsStatus touched(Inode folder, long changedMs) {
    return new UfsStatus(
        folder.name(),
        new Fingerprint(
            folder.type(),
            folder.length(),
            Math.max(folder.lastModifiedMs(), changedMs),
            folder.owner(),
            folder.group(),
            folder.mode(),
            folder.contentHash()));
  }
}
