package io.metasync.ufs.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.PathNotFoundException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Turns the HDFS client's exceptions into those the UFS contract names. Everything else (safe mode,
 * a standby or unreachable NameNode, retriable and connection errors) becomes a plain {@link
 * IOException} naming the URI: the master reports it as UNAVAILABLE and never as "absent".
 */
final class HdfsErrors {
  // Hadoop appends a wiki link to connection errors; it is noise in a one-line error.
  private static final String WIKI_LINK = "; For more details see";

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
          new AccessDeniedException(uri.toString(), null, firstLine(unwrapped)), unwrapped);
    }
    if (unwrapped instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
      return withCause(new FileAlreadyExistsException(uri.toString()), unwrapped);
    }
    if (unwrapped instanceof PathIsNotEmptyDirectoryException) {
      return withCause(new DirectoryNotEmptyException(uri.toString()), unwrapped);
    }
    return new IOException(
        "HDFS failed for "
            + uri
            + ": "
            + unwrapped.getClass().getSimpleName()
            + ": "
            + firstLine(unwrapped),
        unwrapped);
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
    message = end < 0 ? message : message.substring(0, end);
    int link = message.indexOf(WIKI_LINK);
    return link < 0 ? message : message.substring(0, link);
  }

  private static <E extends IOException> E withCause(E error, Throwable cause) {
    error.initCause(cause);
    return error;
  }
}
