package io.metasync.shell;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An OS lock on one file, held while this process uses what the file guards, with this process's id
 * written into the file, so that a second process that is refused can say which one holds it. The
 * OS drops the lock when the holder dies, even by {@code kill -9}; the file itself stays.
 *
 * <p>A lock this JVM holds is also remembered here and checked before the file is opened again: on
 * Linux, closing any channel of a file drops every lock the JVM holds on it, so a second attempt
 * from this JVM must not even open the file.
 */
final class PidLockFile implements AutoCloseable {
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;

  private PidLockFile(Path file, FileChannel channel) {
    this.file = requireNonNull(file, "file is null");
    this.channel = requireNonNull(channel, "channel is null");
  }

  /**
   * Locks {@code file} (created if missing, in an existing folder) and writes this process's id
   * into it.
   *
   * @param refusal the message when another process (or this one) holds the lock, given who holds
   *     it: {@code "pid 1234"}, or {@code "another process"} when it wrote no id yet
   * @throws MetasyncException FAILED_PRECONDITION when the lock is held
   * @throws IOException when the file cannot be created, locked or written
   */
  static PidLockFile acquire(Path file, Function<String, String> refusal) throws IOException {
    // the real folder: one folder reached by two paths is one lock
    Path key = file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName());
    if (!HELD_HERE.add(key)) {
      throw MetasyncException.failedPrecondition(
          refusal.apply("pid " + ProcessHandle.current().pid()));
    }
    try {
      return lock(key, refusal);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      throw e;
    }
  }

  private static PidLockFile lock(Path file, Function<String, String> refusal) throws IOException {
    // no TRUNCATE_EXISTING: the file names its holder until the lock is ours
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // held in this JVM under another name (a hard link)
        throw MetasyncException.failedPrecondition(
            refusal.apply("pid " + ProcessHandle.current().pid()));
      }
      if (lock == null) {
        throw MetasyncException.failedPrecondition(refusal.apply(holder(file)));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(US_ASCII)), 0);
      channel.force(false);
      return new PidLockFile(file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static String holder(Path file) {
    try {
      String pid = new String(Files.readAllBytes(file), US_ASCII).strip();
      return pid.matches("\\d+") ? "pid " + pid : "another process";
    } catch (IOException e) {
      return "another process";
    }
  }

  /** Releases the lock; the file stays, as removing it could race with the next holder. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      HELD_HERE.remove(file);
    }
  }
}
