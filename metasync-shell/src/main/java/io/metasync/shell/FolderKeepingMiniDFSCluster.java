package io.metasync.shell;

import java.io.IOException;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A MiniDFSCluster that never deletes its folder. Hadoop's own, when a start fails (a storage
 * directory locked by another NameNode, a port taken) or when it is shut down without being told to
 * delete its folder, schedules the whole folder for deletion at JVM exit ({@code
 * FileUtil.fullyDeleteOnExit}), which cannot be undone: a second dev-hdfs on a running one's folder
 * then deleted the running one's files when it exited. Formatting (the builder's {@code
 * format(true)}) still wipes the name and data folders; dev-hdfs asks for it only on a folder with
 * no NameNode image.
 */
final class FolderKeepingMiniDFSCluster extends MiniDFSCluster {
  /** Starts the cluster; on failure it has stopped whatever it started, and deleted nothing. */
  FolderKeepingMiniDFSCluster(Builder builder) throws IOException {
    super(builder);
  }

  /**
   * Stops the DataNodes, then the NameNodes, and keeps the folder whatever {@code deleteDfsDir}
   * says. The failed start above calls this too, before this class's constructor ran.
   */
  @Override
  public void shutdown(boolean deleteDfsDir, boolean closeFileSystem) {
    shutdownDataNodes();
    shutdownNameNodes();
  }
}
