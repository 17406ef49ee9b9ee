package io.metasync.ufs.local;

import io.metasync.common.MessageText;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The local file system's refusals that asking again will not change. The JDK reports most {@code
 * errno} values as a plain {@link FileSystemException} whose reason is the C library's {@code
 * strerror} text, so that text is what tells them apart.
 */
final class LocalRefusals {
  /** Linux's {@code PATH_MAX} is 4,096 bytes with the terminating NUL. */
  static final int MAX_PATH_BYTES = 4095;

  /** Linux's {@code NAME_MAX}. */
  static final int MAX_NAME_BYTES = 255;

  private LocalRefusals() {}

  /**
   * @throws UfsRefusedException NAME_TOO_LONG when {@code file} or one of its names is longer than
   *     Linux takes
   */
  static void checkLength(Path file) throws UfsRefusedException {
    int pathBytes = bytes(file.toString());
    if (pathBytes > MAX_PATH_BYTES) {
      throw new UfsRefusedException(
          Reason.NAME_TOO_LONG,
          "its local path would have "
              + MessageText.count(pathBytes)
              + " bytes, more than the "
              + MessageText.count(MAX_PATH_BYTES)
              + " Linux allows");
    }
    for (Path name : file) {
      int nameBytes = bytes(name.toString());
      if (nameBytes > MAX_NAME_BYTES) {
        throw new UfsRefusedException(
            Reason.NAME_TOO_LONG,
            "it has a name of "
                + nameBytes
                + " bytes, more than the "
                + MAX_NAME_BYTES
                + " Linux allows");
      }
    }
  }

  /** The refusal that {@code error} reports, or {@code null} when it is none of them. */
  static UfsRefusedException of(FileSystemException error) {
    String reason = String.valueOf(error.getReason());
    return switch (reason) {
      case "File name too long" ->
          new UfsRefusedException(
              Reason.NAME_TOO_LONG,
              "the local file system refused it as too long (a name may have "
                  + MAX_NAME_BYTES
                  + " bytes, a whole path "
                  + MessageText.count(MAX_PATH_BYTES)
                  + ")",
              error);
      case "Read-only file system" ->
          new UfsRefusedException(
              Reason.READ_ONLY, "the local file system is mounted read-only", error);
      case "No space left on device" ->
          new UfsRefusedException(Reason.OUT_OF_SPACE, "the local disk is full", error);
      case "Disk quota exceeded" ->
          new UfsRefusedException(Reason.OUT_OF_SPACE, "a disk quota is exceeded", error);
      case "Is a directory" ->
          new UfsRefusedException(Reason.IS_A_FOLDER, "it is a folder, not a file", error);
      default -> null;
    };
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
