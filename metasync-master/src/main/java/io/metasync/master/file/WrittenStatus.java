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
    return changed(status, status.lastModifiedMs(), owner, status.group(), status.mode());
  }

  /** {@code status} with what a {@code chmod} and a {@code chown} set ({@code null}: unchanged). */
  static UfsStatus withAttributes(UfsStatus status, Integer mode, String owner, String group) {
    return changed(
        status,
        status.lastModifiedMs(),
        owner == null ? status.owner() : owner,
        group == null ? status.group() : group,
        mode == null ? status.mode() : mode);
  }

  /**
   * A folder whose children changed at {@code changedMs}: its time moves there, never back (a UFS
   * stamps a folder's time when an entry is added, removed or renamed in it).
   */
  static UfsStatus touched(Inode folder, long changedMs) {
    UfsStatus status = of(folder);
    return changed(
        status,
        Math.max(status.lastModifiedMs(), changedMs),
        status.owner(),
        status.group(),
        status.mode());
  }

  /** The one place a derived status is built: type, length and content hash stay the UFS's. */
  private static UfsStatus changed(
      UfsStatus status, long lastModifiedMs, String owner, String group, int mode) {
    return new UfsStatus(
        status.name(),
        new Fingerprint(
            status.type(),
            status.length(),
            lastModifiedMs,
            owner,
            group,
            mode,
            status.contentHash()));
  }
}
