package io.metasync.master.inode.rocks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.proto.journal.InodeRecord;

/**
 * The values of the {@code children} column family: an inode as the journal's {@link InodeRecord},
 * the compact form the journal and the heap store's snapshots already use.
 */
final class InodeValues {
  private InodeValues() {}

  static byte[] encode(Inode inode) {
    return InodeRecords.toRecord(inode).toByteArray();
  }

  static Inode decode(byte[] value) {
    try {
      return InodeRecords.toInode(InodeRecord.parseFrom(value));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable inode record in the inode store: " + e, e);
    }
  }
}
