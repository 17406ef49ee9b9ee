package io.metasync.shell;

import io.metasync.common.CauseChain;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns an I/O failure on a local file (copyFromLocal, copyToLocal) into an error that names the
 * file, as the master's errors name their path: {@code NoSuchFileException}'s own message is just
 * the path.
 */
final class LocalFileErrors {
  private LocalFileErrors() {}

  static MetasyncException of(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new MetasyncException(
          ErrorCode.NOT_FOUND, "local file " + file + " does not exist", e);
    }
    if (e instanceof FileAlreadyExistsException) {
      return new MetasyncException(
          ErrorCode.ALREADY_EXISTS, "local file " + file + " already exists", e);
    }
    if (e instanceof AccessDeniedException) {
      return new MetasyncException(
          ErrorCode.PERMISSION_DENIED, "permission denied on local file " + file, e);
    }
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "cannot access local file " + file + ": " + CauseChain.describe(e),
        e);
  }
}
