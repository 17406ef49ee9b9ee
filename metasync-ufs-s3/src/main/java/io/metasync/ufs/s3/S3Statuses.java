package io.metasync.ufs.s3;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import java.time.Instant;

/**
 * S3 objects and prefixes as the UFS contract describes entries: the one place that makes a {@link
 * UfsStatus}, so that a change to it is one change here.
 *
 * <p>Times are whole seconds: a listing reports milliseconds but a HEAD request only seconds, and
 * both must describe an object alike. A folder has no time of its own (a prefix has none, and a
 * listing does not show a folder's marker), so it reports 0, and its fingerprint changes only when
 * it stops or starts being a folder.
 */
final class S3Statuses {
  private S3Statuses() {}

  static UfsStatus file(
      String name, long length, Instant lastModified, String eTag, S3Permissions permissions) {
    return status(
        name, FileType.FILE, length, (lastModified.getEpochSecond()) * 1000, eTag, permissions);
  }

  static UfsStatus folder(String name, S3Permissions permissions) {
    return status(name, FileType.DIRECTORY, 0, 0, "", permissions);
  }

  private static UfsStatus status(
      String name,
      FileType type,
      long length,
      long lastModifiedMs,
      String eTag,
      S3Permissions permissions) {
    return new UfsStatus(
        name,
        new Fingerprint(
            type,
            length,
            lastModifiedMs,
            permissions.owner(),
            permissions.group(),
            permissions.mode(),
            unquoted(eTag)));
  }

  /** ETags come quoted from some calls and servers and bare from others. */
  static String unquoted(String eTag) {
    if (eTag == null) {
      return "";
    }
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1)
        : eTag;
  }
}
