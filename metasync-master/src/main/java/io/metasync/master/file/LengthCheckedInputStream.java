package io.metasync.master.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Serves exactly the length the metadata promised: bytes appended after the status was taken are
 * not served, and a file that shrank while being read is an error rather than a silently short
 * read.
 */
final class LengthCheckedInputStream extends FilterInputStream {
  private final String path;
  private long remaining;

  LengthCheckedInputStream(InputStream in, long length, String path) {
    super(in);
    this.remaining = length;
    this.path = path;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    int n = super.read(buffer, offset, (int) Math.min(length, remaining));
    if (n == -1) {
      throw new IOException(path + " became shorter in the UFS while being read; read it again");
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }
}
