package io.metasync.hadoop;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FSInputStream;

/**
 * A file read from its UFS directly, cut at the length the metadata gave: bytes appended after the
 * fingerprint check are not served, so the reader never sees more than the status it was given
 * promised, and a file that shrank fails the read instead of ending early.
 */
final class UfsInputStream extends FSInputStream {
  private final FSDataInputStream in;
  private final long length;
  private final String path;
  private boolean closed;

  UfsInputStream(FSDataInputStream in, long length, String path) {
    this.in = in;
    this.length = length;
    this.path = path;
  }

  @Override
  public synchronized void seek(long target) throws IOException {
    checkOpen();
    if (target < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + target);
    }
    if (target > length) {
      throw new EOFException(
          FSExceptionMessages.CANNOT_SEEK_PAST_EOF + ": " + target + " in " + path);
    }
    in.seek(target);
  }

  @Override
  public synchronized long getPos() throws IOException {
    return in.getPos();
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
  public synchronized int read(byte[] buffer, int offset, int count) throws IOException {
    checkOpen();
    checkBuffer(buffer);
    Objects.checkFromIndexSize(offset, count, buffer.length);
    if (count == 0) {
      return 0;
    }
    long remaining = length - in.getPos();
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(count, remaining));
    if (n == -1) {
      throw shrank();
    }
    return n;
  }

  @Override
  public int read(long position, byte[] buffer, int offset, int count) throws IOException {
    checkOpen();
    checkBuffer(buffer);
    Objects.checkFromIndexSize(offset, count, buffer.length);
    if (position < 0) {
      throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + ": " + position);
    }
    if (count == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int n = in.read(position, buffer, offset, (int) Math.min(count, length - position));
    if (n == -1) {
      throw shrank();
    }
    return n;
  }

  @Override
  public synchronized int available() throws IOException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, length - in.getPos()));
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }

  private IOException shrank() {
    return new EOFException(path + " became shorter in the UFS while being read; open it again");
  }

  /** Hadoop's contract wants IllegalArgumentException for a null buffer, not NPE. */
  private static void checkBuffer(byte[] buffer) {
    if (buffer == null) {
      throw new IllegalArgumentException("the buffer to read into is null");
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + path);
    }
  }
}
