package io.metasync.master;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on {@code <journal folder>/master.lock}, held while a master runs, so that a second
 * master or {@code format} on the same folder is refused instead of corrupting it. The OS drops the
 * lock when the process dies, even by {@code kill -9}.
 */
public final class JournalFolderLock implements AutoCloseable {
  public static final String LOCK_FILE = "master.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private JournalFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws MetasyncException FAILED_PRECONDITION when another process holds the lock
   */
  public static JournalFolderLock acquire(Path folder) {
    try {
      Files.createDirectories(folder);
      FileChannel channel =
          FileChannel.open(
              folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new MetasyncException(
            ErrorCode.FAILED_PRECONDITION,
            "another master is running on the journal folder "
                + folder
                + "; stop it or set -Dmetasync.master.journal.folder");
      }
      return new JournalFolderLock(channel, lock);
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot use the journal folder "
              + folder
              + " (metasync.master.journal.folder): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The OS releases it when the process ends anyway.
    }
  }
}
