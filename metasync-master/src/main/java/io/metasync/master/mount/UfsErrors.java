package io.metasync.master.mount;

import io.metasync.common.CauseChain;
import io.metasync.common.ErrorCode;
import io.metasync.common.MessageText;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.SymbolicLinkException;
import io.metasync.ufs.UfsRefusedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * The one place where a UFS {@link IOException} becomes a {@link MetasyncException}. Only the UFS's
 * own "no such file" answer becomes NOT_FOUND. What the UFS refuses for good ({@link
 * UfsRefusedException}, an unknown user, a file where a folder should be) is the caller's
 * INVALID_ARGUMENT, FAILED_PRECONDITION or PERMISSION_DENIED; every other failure is UNAVAILABLE
 * with "retry later", so a UFS that cannot be reached is never taken for an empty one. Paths and
 * URIs are shortened, and causes said once in words ({@link CauseChain}).
 */
public final class UfsErrors {
  private UfsErrors() {}

  public static MetasyncException translate(IOException error, UfsLocation location) {
    String path = MessageText.abbreviate(location.path().toString());
    String where = path + " (UFS " + MessageText.abbreviate(location.uri().toString()) + ")";
    if (error instanceof FileNotFoundException || error instanceof NoSuchFileException) {
      return new MetasyncException(
          ErrorCode.NOT_FOUND, where + " does not exist in the UFS", error);
    }
    if (error instanceof FileAlreadyExistsException) {
      return new MetasyncException(
          ErrorCode.ALREADY_EXISTS, where + " already exists in the UFS", error);
    }
    if (error instanceof SymbolicLinkException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          path + " is or goes through a symbolic link (" + error.getMessage() + ")",
          error);
    }
    if (error instanceof AccessDeniedException) {
      return new MetasyncException(
          ErrorCode.PERMISSION_DENIED,
          "the UFS refused access to " + where + ": " + CauseChain.describe(error),
          error);
    }
    if (error instanceof DirectoryNotEmptyException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION, path + " is not empty (use rm -R to delete it)", error);
    }
    if (error instanceof NotDirectoryException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION, where + " is a file in the UFS, not a folder", error);
    }
    if (error instanceof UserPrincipalNotFoundException) {
      return new MetasyncException(
          ErrorCode.INVALID_ARGUMENT,
          "cannot change the owner of "
              + where
              + ": "
              + CauseChain.describe(error)
              + "; use a user and group that exist there",
          error);
    }
    if (error instanceof UfsRefusedException refused) {
      return refusal(refused, where);
    }
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "the UFS failed for " + where + ": " + CauseChain.describe(error) + "; retry later",
        error);
  }

  private static MetasyncException refusal(UfsRefusedException error, String where) {
    String why = error.getMessage();
    return switch (error.reason()) {
      case NAME_TOO_LONG ->
          new MetasyncException(
              ErrorCode.INVALID_ARGUMENT,
              where + " is too long for the UFS: " + why + "; use a shorter path",
              error);
      case INVALID_NAME ->
          new MetasyncException(
              ErrorCode.INVALID_ARGUMENT,
              where + " has a name the UFS does not allow: " + why + "; use another name",
              error);
      case READ_ONLY ->
          new MetasyncException(
              ErrorCode.FAILED_PRECONDITION,
              "cannot write "
                  + where
                  + ": "
                  + why
                  + "; make it writable, or mount it with --readonly",
              error);
      case OUT_OF_SPACE ->
          new MetasyncException(
              ErrorCode.FAILED_PRECONDITION,
              "cannot write " + where + ": " + why + "; free space or raise the limit",
              error);
      case IS_A_FOLDER ->
          new MetasyncException(
              ErrorCode.FAILED_PRECONDITION, where + " is a folder in the UFS, not a file", error);
      case WRONG_SERVER -> new MetasyncException(ErrorCode.INVALID_ARGUMENT, why, error);
      case UNSUPPORTED ->
          new MetasyncException(
              ErrorCode.FAILED_PRECONDITION, "cannot change " + where + ": " + why, error);
    };
  }

  /**
   * A UFS that could not be opened for {@code mount}: the UFS's own words, which say what to do
   * (check the host and port, start the NameNode), after {@code cannot mount URI:}.
   */
  public static MetasyncException forMount(IOException error, URI uri) {
    String cannot = "cannot mount " + MessageText.abbreviate(uri.toString()) + ": ";
    if (error instanceof FileNotFoundException || error instanceof NoSuchFileException) {
      return new MetasyncException(ErrorCode.NOT_FOUND, cannot + "it does not exist", error);
    }
    if (error instanceof AccessDeniedException) {
      return new MetasyncException(
          ErrorCode.PERMISSION_DENIED, cannot + CauseChain.describe(error), error);
    }
    if (error instanceof UfsRefusedException refused) {
      ErrorCode code =
          switch (refused.reason()) {
            case NAME_TOO_LONG, INVALID_NAME, WRONG_SERVER -> ErrorCode.INVALID_ARGUMENT;
            case READ_ONLY, OUT_OF_SPACE, IS_A_FOLDER, UNSUPPORTED -> ErrorCode.FAILED_PRECONDITION;
          };
      return new MetasyncException(code, cannot + refused.getMessage(), error);
    }
    return new MetasyncException(ErrorCode.UNAVAILABLE, cannot + CauseChain.describe(error), error);
  }
}
