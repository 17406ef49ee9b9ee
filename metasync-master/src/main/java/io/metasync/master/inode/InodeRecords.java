package io.metasync.master.inode;

import io.metasync.common.FileType;
import io.metasync.proto.journal.InodeRecord;
import io.metasync.ufs.Fingerprint;

/** Between inodes and their journal form. */
public final class InodeRecords {
  private InodeRecords() {}

  public static InodeRecord toRecord(Inode inode) {
    return InodeRecord.newBuilder()
        .setId(inode.id())
        .setParentId(inode.parentId())
        .setName(inode.name())
        .setDirectory(inode.isDirectory())
        .setLength(inode.length())
        .setLastModifiedMs(inode.lastModifiedMs())
        .setOwner(inode.owner())
        .setGroup(inode.group())
        .setMode(inode.mode())
        .setContentHash(inode.contentHash())
        .setChildrenLoaded(inode.childrenLoaded())
        .build();
  }

  public static Inode toInode(InodeRecord record) {
    Fingerprint metadata =
        new Fingerprint(
            record.getDirectory() ? FileType.DIRECTORY : FileType.FILE,
            record.getLength(),
            record.getLastModifiedMs(),
            record.getOwner(),
            record.getGroup(),
            record.getMode(),
            record.getContentHash());
    return new Inode(
        record.getId(),
        record.getParentId(),
        record.getName(),
        metadata,
        record.getChildrenLoaded());
  }
}
