package io.metasync.client;

import com.google.protobuf.ByteString;
import io.metasync.proto.WriteFileRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file being written through the master, as an {@link OutputStream}: bytes are collected into
 * chunks of {@link MetasyncClient#CHUNK_SIZE} and each full chunk is sent as soon as the transport
 * takes it, so a large file never sits in memory (the upload keeps its first {@link
 * ReplayingUpload#REPLAY_LIMIT_BYTES} to send again to a new leader). The chunk buffer grows with
 * what is written, so a small file never costs a whole chunk's allocation. The file exists (and is
 * cached) once {@link #close()} returns; a failure of the call surfaces from {@code write} or
 * {@code close} as {@link io.metasync.common.MetasyncException}, and {@link #cancel()} abandons the
 * file.
 */
public final class FileOutStream extends OutputStream {
  private final String path;
  private final ReplayingUpload upload;
  private static final int FIRST_BUFFER_SIZE = 8 * 1024;

  private byte[] chunk = new byte[0];
  private int filled;
  private boolean closed;
  private FileStatus status;

  private FileOutStream(String path, ReplayingUpload upload) {
    this.path = path;
    this.upload = upload;
  }

  /** Starts the upload whose first message, {@code header}, is sent at once. */
  static FileOutStream start(String path, ReplayingUpload upload, WriteFileRequest header)
      throws InterruptedIOException {
    FileOutStream out = new FileOutStream(path, upload);
    out.send(header);
    return out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    checkOpen();
    while (length > 0) {
      makeRoom(length);
      int count = Math.min(length, chunk.length - filled);
      System.arraycopy(bytes, offset, chunk, filled, count);
      filled += count;
      offset += count;
      length -= count;
      if (filled == MetasyncClient.CHUNK_SIZE) {
        sendChunk();
      }
    }
  }

  /** Grows the buffer (doubling, up to a chunk) when {@code wanted} more bytes do not fit. */
  private void makeRoom(int wanted) {
    if (filled + wanted <= chunk.length || chunk.length == MetasyncClient.CHUNK_SIZE) {
      return;
    }
    int size = Math.max(filled + wanted, Math.max(FIRST_BUFFER_SIZE, chunk.length * 2));
    chunk = Arrays.copyOf(chunk, Math.min(size, MetasyncClient.CHUNK_SIZE));
  }

  /** Ends the file and waits until the master has it; repeated calls do nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (filled > 0) {
      sendChunk();
    }
    closed = true;
    try {
      status = ProtoConversions.fileStatus(upload.finish());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      upload.cancel("interrupted", e);
      throw new InterruptedIOException("interrupted while completing " + path);
    }
  }

  /** Abandons the file: the master removes what it had written. Harmless after close. */
  public void cancel() {
    if (!closed) {
      closed = true;
      upload.cancel("the writer of " + path + " gave up", null);
    }
  }

  /** The file's status once closed, null before. */
  public FileStatus status() {
    return status;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("the stream writing " + path + " is closed");
    }
  }

  private void sendChunk() throws InterruptedIOException {
    WriteFileRequest message =
        WriteFileRequest.newBuilder().setChunk(ByteString.copyFrom(chunk, 0, filled)).build();
    filled = 0;
    send(message);
  }

  /** Sends a message; when the master has already ended the call, raises its answer. */
  private void send(WriteFileRequest message) throws InterruptedIOException {
    try {
      if (!upload.send(message)) {
        closed = true;
        // The master answered before the end: finish() raises its error (or, oddly, returns).
        status = ProtoConversions.fileStatus(upload.finish());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      upload.cancel("interrupted", e);
      closed = true;
      throw new InterruptedIOException("interrupted while writing " + path);
    }
  }
}
