package io.metasync.hadoop;

import io.metasync.client.CallOptions;
import io.metasync.client.FileInStream;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FSInputStream;

/**
 * A file's bytes streamed through the master, for clients that cannot reach the UFS. The stream is
 * opened lazily at the current position; a seek drops it (a short forward seek reads through
 * instead), and a positioned read opens a stream of its own. Every stream the master opens is
 * checked against the status of the first: a file that changed in between fails the read instead of
 * mixing bytes of two versions.
 */
final class MasterInputStream extends FSInputStream {
  /** Forward seeks up to this far read and drop bytes rather than re-open the stream. */
  private static final long READ_THROUGH_LIMIT = 256 * 1024;

  private final MetasyncClient client;
  private final CallOptions options;
  private final FileStatus status;
  private FileInStream in;
  private long streamPosition;
  private long position;
  private boolean closed;

  private MasterInputStream(
      MetasyncClient client, CallOptions options, FileInStream first, FileStatus status) {
    this.client = client;
    this.options = options;
    this.in = first;
    this.status = status;
  }

  /** Opens the file through the master, which checks it against the UFS first. */
  static MasterInputStream open(MetasyncClient client, String path, CallOptions options)
      throws IOException {
    try {
      FileInStream first = client.withOptions(options).open(path, 0);
      return new MasterInputStream(client, options, first, first.status());
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public synchronized void seek(long target) throws IOException {
    checkOpen();
    if (target < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + target);
    }
    if (target > status.length()) {
      throw new EOFException(
          FSExceptionMessages.CANNOT_SEEK_PAST_EOF + ": " + target + " in " + status.path());
    }
    position = target;
  }

  @Override
  public synchronized long getPos() {
    return position;
  }

  @Override
  public boolean seekToNewSource(long targetPos) {
    return false;
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    checkOpen();
    checkBuffer(buffer);
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (position >= status.length()) {
      return -1;
    }
    try {
      positionStream();
      int n = in.read(buffer, offset, length);
      if (n == -1) {
        throw new EOFException(status.path() + " ended before its length " + status.length());
      }
      position += n;
      streamPosition += n;
      return n;
    } catch (MetasyncException e) {
      dropStream();
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public int read(long at, byte[] buffer, int offset, int length) throws IOException {
    checkOpen();
    checkBuffer(buffer);
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (at < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + at);
    }
    if (length == 0) {
      return 0;
    }
    if (at >= status.length()) {
      return -1;
    }
    try (FileInStream own = openAt(at)) {
      int n = own.readNBytes(buffer, offset, length);
      return n == 0 ? -1 : n;
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public synchronized int available() throws IOException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, status.length() - position);
  }

  @Override
  public synchronized void close() {
    closed = true;
    dropStream();
  }

  /** Makes {@link #in} a stream that is at {@link #position}. */
  private void positionStream() throws IOException {
    if (in != null
        && position > streamPosition
        && position - streamPosition <= READ_THROUGH_LIMIT) {
      in.skipNBytes(position - streamPosition);
      streamPosition = position;
    }
    if (in != null && streamPosition != position) {
      dropStream();
    }
    if (in == null) {
      in = openAt(position);
      streamPosition = position;
    }
  }

  private FileInStream openAt(long at) throws IOException {
    FileInStream opened = client.withOptions(options).open(status.path(), at);
    FileStatus now = opened.status();
    if (now.length() != status.length() || now.lastModifiedMs() != status.lastModifiedMs()) {
      opened.close();
      throw new IOException(
          status.path()
              + " changed while open (length "
              + status.length()
              + " -> "
              + now.length()
              + "); open it again");
    }
    return opened;
  }

  private void dropStream() {
    if (in != null) {
      in.close();
      in = null;
    }
  }

  /** Hadoop's contract wants IllegalArgumentException for a null buffer, not NPE. */
  private static void checkBuffer(byte[] buffer) {
    if (buffer == null) {
      throw new IllegalArgumentException("the buffer to read into is null");
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + status.path());
    }
  }
}
