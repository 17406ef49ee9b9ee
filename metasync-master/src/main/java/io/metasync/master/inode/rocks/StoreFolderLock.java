package io.metasync.master.inode.rocks;

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
 * An OS lock on {@code <store folder>/store.lock}, held while a store is open: the store wipes its
 * RocksDB folder when it opens, which must never happen under another master that was configured
 * with the same folder. The OS drops the lock when the process dies, even by {@code kill -9}.
 */
final class StoreFolderLock implements AutoCloseable {
  private static final String LOCK_FILE = "store.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StoreFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws MetasyncException FAILED_PRECONDITION when another store holds the lock or the folder
   *     cannot be created
   */
  static StoreFolderLock acquire(Path folder) {
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
            "another master uses the inode store folder "
                + folder
                + "; give each master its own metasync.master.metastore.dir");
      }
      return new StoreFolderLock(channel, lock);
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot use the inode store folder "
              + folder
              + " (metasync.master.metastore.dir): "
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
