package io.metasync.ufs;

import java.io.IOException;

/**
 * Changes a UFS the way another tool would, behind metasync's back (java.nio for a local folder, a
 * Hadoop client for HDFS): what a change feed must notice. Paths are UFS paths, {@code /a/b}.
 */
public interface ExternalUfsWriter {
  /** Creates a file holding {@code bytes}; its parent exists. */
  void createFile(String path, byte[] bytes) throws IOException;

  /** Creates one folder; its parent exists. */
  void createFolder(String path) throws IOException;

  /** Writes {@code bytes} at the end of an existing file. */
  void append(String path, byte[] bytes) throws IOException;

  /** Deletes a file, or a folder with everything in it. */
  void delete(String path) throws IOException;

  /** Renames a file or folder; the destination's parent exists and the destination does not. */
  void rename(String source, String destination) throws IOException;

  /** Sets the permission bits, like {@code chmod}. */
  void setMode(String path, int mode) throws IOException;
}
