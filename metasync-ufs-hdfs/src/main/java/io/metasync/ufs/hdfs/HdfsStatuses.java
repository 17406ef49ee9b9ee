package io.metasync.ufs.hdfs;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/** HDFS statuses as the UFS contract describes entries. */
final class HdfsStatuses {
  private HdfsStatuses() {}

  /**
   * HDFS has no content hash that is cheap to read (a file checksum reads every block), so the
   * fingerprint rests on type, length, modification time, owner, group and permission.
   */
  static UfsStatus toUfsStatus(String name, HdfsFileStatus status) {
    boolean directory = status.isDirectory();
    return new UfsStatus(
        name,
        new Fingerprint(
            directory ? FileType.DIRECTORY : FileType.FILE,
            directory ? 0 : status.getLen(),
            status.getModificationTime(),
            status.getOwner(),
            status.getGroup(),
            status.getPermission().toShort() & 07777,
            ""));
  }
}
