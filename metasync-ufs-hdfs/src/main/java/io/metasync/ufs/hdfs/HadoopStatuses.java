package io.metasync.ufs.hdfs;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import org.apache.hadoop.fs.FileStatus;

/** Statuses of any Hadoop {@code FileSystem} as the UFS contract describes entries. */
final class HadoopStatuses {
  private HadoopStatuses() {}

  /**
   * No content hash: Hadoop's {@code getFileChecksum} reads the whole file on most file systems, so
   * the fingerprint rests on type, length, modification time, owner, group and permission, as for
   * HDFS.
   */
  static UfsStatus toUfsStatus(String name, FileStatus status) {
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
