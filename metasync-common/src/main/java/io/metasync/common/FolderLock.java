package io.metasync.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on one file of a folder, held while a master uses the folder, so that a second master
 * (or {@code format}) on the same folder is refused instead of corrupting it: the journal folder
 * ({@code master.lock}) and the inode store's folder ({@code store.lock}). The OS drops the lock
 * when the process dies, even by {@code kill -9}.
 */
public final class FolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code folder} if needed and locks {@code folder/fileName}.
   *
   * @param held the error message when another process (or master in this JVM) holds the lock
   * @param what the folder and the key that sets it, for the message of an I/O error
   * @throws MetasyncException FAILED_PRECONDITION when the lock is held or the folder unusable
   */
  public static FolderLock acquire(Path folder, String fileName, String held, String what) {
    try {
      Files.createDirectories(folder);
      FileChannel channel =
          FileChannel.open(
              folder.resolve(fileName), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new MetasyncException(ErrorCode.FAILED_PRECONDITION, held);
      }
      return new FolderLock(channel, lock);
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot use " + what.replace("{}", folder.toString()) + ": " + CauseChain.describe(e),
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
