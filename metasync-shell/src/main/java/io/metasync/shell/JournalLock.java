package io.metasync.shell;

import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a running master holds on {@code <journal>/master.lock}; format takes it for itself so
 * that no master can start on a journal being wiped.
 *
 * <p>Releasing it closes the channel, and on Linux closing any channel of a file drops every lock
 * this JVM holds on that file: harmless for the command line, where the master is another process.
 */
final class JournalLock implements AutoCloseable {
  static final String FILE_NAME = "master.lock";

  private final FileChannel channel;

  private JournalLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * @throws MetasyncException FAILED_PRECONDITION when a master holds the lock
   */
  static JournalLock acquire(Path journal) throws IOException {
    Path lockFile = journal.resolve(FILE_NAME);
    if (!Files.exists(lockFile)) {
      // a master creates the file before it locks it, so none has ever run here
      return new JournalLock(null);
    }
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by a master inside this very JVM
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw MetasyncException.failedPrecondition(
          "a master is running on the journal "
              + journal
              + " (it holds "
              + lockFile
              + "); stop it before formatting");
    }
    return new JournalLock(channel);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
