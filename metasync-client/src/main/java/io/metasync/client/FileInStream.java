package io.metasync.client;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.ReadFileResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The bytes of one file as the master streams them, fetched chunk by chunk as they are read, with
 * the status the master checked against the UFS before it sent the first byte. Closing it before
 * the end cancels the transfer. Failures of the call surface from {@code read} as {@link
 * MetasyncException}.
 */
public final class FileInStream extends InputStream {
  private final ServerStream<ReadFileResponse> responses;
  private final FileStatus status;
  private ByteBuffer chunk = ByteBuffer.allocate(0);

  private FileInStream(ServerStream<ReadFileResponse> responses, FileStatus status) {
    this.responses = responses;
    this.status = status;
  }

  /** Reads the status message that opens every read stream. */
  static FileInStream open(String path, ServerStream<ReadFileResponse> responses) {
    try {
      if (!responses.hasNext()) {
        throw protocolError("ended the read of " + path + " before sending its status");
      }
      ReadFileResponse first = responses.next();
      if (!first.hasInfo()) {
        throw protocolError("sent bytes of " + path + " before its status");
      }
      return new FileInStream(responses, ProtoConversions.fileStatus(first.getInfo()));
    } catch (RuntimeException e) {
      responses.close();
      throw e;
    }
  }

  /** The file's status as the master knew it when the read began. */
  public FileStatus status() {
    return status;
  }

  @Override
  public int read() {
    if (!fillChunk()) {
      return -1;
    }
    return chunk.get() & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (!fillChunk()) {
      return -1;
    }
    int count = Math.min(length, chunk.remaining());
    chunk.get(buffer, offset, count);
    return count;
  }

  @Override
  public int available() {
    return chunk.remaining();
  }

  /** Makes sure some unread bytes are at hand; false at the end of the file. */
  private boolean fillChunk() {
    while (!chunk.hasRemaining()) {
      if (!responses.hasNext()) {
        return false;
      }
      ReadFileResponse response = responses.next();
      if (!response.hasChunk()) {
        responses.close();
        throw protocolError("sent a second status in the middle of " + status.path());
      }
      chunk = response.getChunk().asReadOnlyByteBuffer();
    }
    return true;
  }

  @Override
  public void close() {
    responses.close();
  }

  private static MetasyncException protocolError(String what) {
    return new MetasyncException(ErrorCode.INTERNAL, "the master " + what);
  }
}
