package io.metasync.master.mount;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one place where a UFS {@link IOException} becomes a {@link MetasyncException}. Only the UFS's
 * own "no such file" answer becomes NOT_FOUND; every other failure is UNAVAILABLE, so a UFS that
 * cannot be reached is never taken for an empty one.
 */
public final class UfsErrors {
  private UfsErrors() {}

  public static MetasyncException translate(IOException error, UfsLocation location) {
    String where = location.path() + " (UFS " + location.uri() + ")";
    if (error instanceof FileNotFoundException || error instanceof NoSuchFileException) {
      return new MetasyncException(
          ErrorCode.NOT_FOUND, where + " does not exist in the UFS", error);
    }
    if (error instanceof FileAlreadyExistsException) {
      return new MetasyncException(
          ErrorCode.ALREADY_EXISTS, where + " already exists in the UFS", error);
    }
    if (error instanceof AccessDeniedException) {
      return new MetasyncException(
          ErrorCode.PERMISSION_DENIED,
          "the UFS refused access to " + where + ": " + describe(error),
          error);
    }
    if (error instanceof DirectoryNotEmptyException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          location.path() + " is not empty (use rm -R to delete it)",
          error);
    }
    if (error instanceof NotDirectoryException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION, where + " is a file in the UFS, not a folder", error);
    }
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "the UFS failed for " + where + ": " + describe(error) + "; retry later",
        error);
  }

  private static String describe(IOException error) {
    String message = error.getMessage();
    return message == null
        ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + ": " + message;
  }
}
