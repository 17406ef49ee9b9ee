package io.metasync.hadoop;

import io.metasync.common.MetasyncException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Where a {@link MetasyncException} becomes the {@link IOException} subclass Hadoop callers test
 * for. The codes are coarser than Hadoop's exceptions: FAILED_PRECONDITION means "the parent is a
 * file" for a create or mkdir but "not empty" or "a mount point" for a delete, so the operation
 * says which Hadoop exception that code stands for.
 */
final class HadoopErrors {
  private HadoopErrors() {}

  /** The Hadoop exception for {@code e}, where FAILED_PRECONDITION is a generic IOException. */
  static IOException translate(MetasyncException e) {
    return translate(e, false);
  }

  /**
   * As {@link #translate(MetasyncException)}, FAILED_PRECONDITION becoming {@link
   * ParentNotDirectoryException}: for creating a file or folder, where it means a parent is a file.
   */
  static IOException translateCreation(MetasyncException e) {
    return translate(e, true);
  }

  private static IOException translate(MetasyncException e, boolean creation) {
    IOException translated =
        switch (e.code()) {
          case NOT_FOUND -> new FileNotFoundException(e.getMessage());
          case ALREADY_EXISTS -> new FileAlreadyExistsException(e.getMessage());
          case PERMISSION_DENIED, UNAUTHENTICATED -> new AccessControlException(e.getMessage());
          case FAILED_PRECONDITION ->
              creation ? new ParentNotDirectoryException(e.getMessage()) : plain(e);
          case INVALID_ARGUMENT, INTERNAL, UNAVAILABLE, RESOURCE_EXHAUSTED, OUT_OF_RANGE ->
              plain(e);
        };
    if (translated.getCause() == null) {
      translated.initCause(e);
    }
    return translated;
  }

  private static IOException plain(MetasyncException e) {
    return new IOException(e.getMessage(), e);
  }
}
