package io.metasync.master.mount;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.proto.journal.AddMount;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.MountRecord;
import io.metasync.proto.journal.RemoveMount;
import java.net.URI;

/** The journal form of mounts: the entries that add and remove one, and a mount's record. */
public final class MountRecords {
  private MountRecords() {}

  /**
   * The entry that mounts {@code uri} at {@code path}, with the inode of the UFS's root. Journaled
   * after the UFS answered for its root and before the caller is told: the UFS is only read, so a
   * crash on either side of the entry leaves the UFS as it was.
   */
  public static JournalEntry addMount(
      NamespacePath path, URI uri, MountOptions options, Inode mountInode) {
    return JournalEntry.newBuilder()
        .setAddMount(
            AddMount.newBuilder()
                .setMount(toRecord(path, uri, options))
                .setMountInode(InodeRecords.toRecord(mountInode)))
        .build();
  }

  /**
   * The entry that unmounts {@code path}: its inodes go to the trash with it, and its sync points
   * and feed cursor are forgotten. No UFS operation goes with it.
   */
  public static JournalEntry removeMount(NamespacePath path) {
    return JournalEntry.newBuilder()
        .setRemoveMount(RemoveMount.newBuilder().setPath(path.toString()))
        .build();
  }

  /** The journal form of a mount. */
  public static MountRecord toRecord(NamespacePath path, URI uri, MountOptions options) {
    return MountRecord.newBuilder()
        .setPath(path.toString())
        .setUfsUri(uri.toString())
        .setReadOnly(options.readOnly())
        .setShared(options.shared())
        .putAllOptions(options.properties())
        .build();
  }

  /** The mount a record describes; its UFS connects on first use, through {@code opener}. */
  public static MountPoint toMountPoint(MountRecord record, UfsOpener opener) {
    URI uri = URI.create(record.getUfsUri());
    MountOptions options =
        new MountOptions(record.getReadOnly(), record.getShared(), record.getOptionsMap());
    return new MountPoint(
        NamespacePath.parse(record.getPath()),
        uri,
        options,
        new LazyUnderFileSystem(uri, options.properties(), opener));
  }
}
