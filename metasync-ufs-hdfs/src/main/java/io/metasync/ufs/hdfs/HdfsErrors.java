package io.metasync.ufs.hdfs;

import io.metasync.common.CauseChain;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.PathNotFoundException;
import org.apache.hadoop.hdfs.protocol.QuotaExceededException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Turns the HDFS client's exceptions into those the UFS contract names: absence, refused access,
 * and {@link UfsRefusedException} for what asking again will not change (a name too long, a quota
 * or limit exceeded). Everything else (safe mode, a standby or unreachable NameNode, timeouts)
 * becomes a plain {@link IOException} whose message says the cause in words: the master reports it
 * as UNAVAILABLE and never as "absent". Messages leave the path out; the caller names it.
 */
final class HdfsErrors {
  private static final Pattern LIMIT = Pattern.compile("limit=(\\d+)");
  // FSLimitException is in the NameNode's jar, not the client's, so a client that has only
  // hadoop-hdfs-client cannot unwrap it: it is known by its remote class name.
  private static final String FS_LIMIT = "org.apache.hadoop.hdfs.protocol.FSLimitException$";

  private HdfsErrors() {}

  static IOException translate(IOException error, URI uri) {
    IOException unwrapped = unwrap(error);
    if (unwrapped instanceof FileNotFoundException || unwrapped instanceof PathNotFoundException) {
      return withCause(new FileNotFoundException(uri + " does not exist"), unwrapped);
    }
    if (unwrapped instanceof ParentNotDirectoryException) {
      return withCause(
          new FileNotFoundException(uri + " does not exist (a parent is a file)"), unwrapped);
    }
    if (unwrapped instanceof AccessControlException) {
      return withCause(
          new AccessDeniedException(uri.toString(), null, CauseChain.describe(unwrapped)),
          unwrapped);
    }
    if (unwrapped instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
      return withCause(new FileAlreadyExistsException(uri.toString()), unwrapped);
    }
    if (unwrapped instanceof PathIsNotEmptyDirectoryException) {
      return withCause(new DirectoryNotEmptyException(uri.toString()), unwrapped);
    }
    UfsRefusedException refused = refusal(unwrapped);
    if (refused != null) {
      return refused;
    }
    return new IOException(transientCause(unwrapped), unwrapped);
  }

  private static UfsRefusedException refusal(IOException error) {
    String type =
        error instanceof RemoteException remote
            ? remote.getClassName()
            : error.getClass().getName();
    if (type.equals(FS_LIMIT + "PathComponentTooLongException")) {
      Matcher limit = LIMIT.matcher(String.valueOf(error.getMessage()));
      return new UfsRefusedException(
          Reason.NAME_TOO_LONG,
          "HDFS takes names of at most "
              + (limit.find() ? limit.group(1) : "255")
              + " bytes (dfs.namenode.fs-limits.max-component-length)",
          error);
    }
    if (String.valueOf(error.getMessage()).contains("Pathname too long")) {
      return new UfsRefusedException(
          Reason.NAME_TOO_LONG,
          "HDFS takes paths of at most "
              + HdfsUnderFileSystem.MAX_PATH_LENGTH
              + " characters and "
              + HdfsUnderFileSystem.MAX_PATH_DEPTH
              + " levels",
          error);
    }
    if (type.equals(FS_LIMIT + "MaxDirectoryItemsExceededException")) {
      return new UfsRefusedException(
          Reason.OUT_OF_SPACE,
          "the HDFS folder holds the most entries it may"
              + " (dfs.namenode.fs-limits.max-directory-items)",
          error);
    }
    if (error instanceof QuotaExceededException) {
      return new UfsRefusedException(
          Reason.OUT_OF_SPACE, "an HDFS quota is exceeded (" + firstLine(error) + ")", error);
    }
    return null;
  }

  /** A cause that asking again later may mend, in words. */
  private static String transientCause(IOException error) {
    String message = String.valueOf(error.getMessage());
    if (message.contains("safe mode")) {
      return "the NameNode is in safe mode";
    }
    if (error instanceof StandbyException) {
      return "the NameNode is a standby, not the active one";
    }
    return CauseChain.describe(error);
  }

  private static IOException unwrap(IOException error) {
    if (error instanceof RemoteException remote) {
      return remote.unwrapRemoteException();
    }
    return error;
  }

  private static String firstLine(IOException error) {
    String message = String.valueOf(error.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static <E extends IOException> E withCause(E error, Throwable cause) {
    error.initCause(cause);
    return error;
  }
}
