package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of a file being created in a UFS ({@link UnderFileSystem#create}). {@link #complete()}
 * closes it and returns the file's status as written, so the writer learns what it made without a
 * second call to the UFS; a plain {@link #close()} also completes the file but says nothing.
 */
public abstract class UfsOutputStream extends OutputStream {
  /**
   * Closes the stream, which completes the file, and returns the file's status: as the UFS answered
   * it, or built from what was written where the UFS answers nothing (each implementation says
   * which fields it builds). Call it at most once, instead of {@link #close()}.
   *
   * @throws IOException when the file cannot be completed
   */
  public abstract UfsStatus complete() throws IOException;

  /** Tells the status of a file whose stream has just been closed. */
  @FunctionalInterface
  public interface StatusAfterClose {
    UfsStatus read() throws IOException;
  }

  /**
   * A stream writing to {@code out}, whose {@link #complete()} closes {@code out} and then asks
   * {@code statusAfterClose}.
   */
  public static UfsOutputStream of(OutputStream out, StatusAfterClose statusAfterClose) {
    return new Wrapping(out, statusAfterClose);
  }

  private static final class Wrapping extends UfsOutputStream {
    private final OutputStream out;
    private final StatusAfterClose statusAfterClose;

    Wrapping(OutputStream out, StatusAfterClose statusAfterClose) {
      this.out = requireNonNull(out, "out is null");
      this.statusAfterClose = requireNonNull(statusAfterClose, "statusAfterClose is null");
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    @Override
    public UfsStatus complete() throws IOException {
      out.close();
      return statusAfterClose.read();
    }
  }
}
