package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The bytes of a new object, visible in S3 only when the stream is closed: up to one part they are
 * one PutObject on close; beyond that each full part is uploaded as it fills (a multipart upload,
 * completed on close, aborted when a part or the completion fails). Memory: one part at most.
 */
final class UploadStream extends OutputStream {
  private static final int FIRST_BUFFER = 64 << 10;

  private final S3Objects objects;
  private final String key;
  private final int partSize;
  private final List<CompletedPart> parts = new ArrayList<>();
  private byte[] buffer;
  private int count;
  private String uploadId;
  private boolean closed;

  UploadStream(S3Objects objects, String key, long partSize) {
    this.objects = requireNonNull(objects, "objects is null");
    this.key = requireNonNull(key, "key is null");
    this.partSize = (int) Math.min(partSize, Integer.MAX_VALUE - 8);
    this.buffer = new byte[Math.min(FIRST_BUFFER, this.partSize)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    checkOpen();
    while (length > 0) {
      if (count == partSize) {
        uploadFullPart();
      }
      if (count == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, partSize));
      }
      int taken = Math.min(length, buffer.length - count);
      System.arraycopy(bytes, offset, buffer, count, taken);
      count += taken;
      offset += taken;
      length -= taken;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (uploadId == null) {
      objects.put(key, buffer, count);
    } else {
      try {
        if (count > 0) {
          parts.add(objects.uploadPart(key, uploadId, parts.size() + 1, buffer, count));
        }
        objects.completeUpload(key, uploadId, parts);
      } catch (IOException e) {
        objects.abortUpload(key, uploadId, e);
        throw e;
      }
    }
    buffer = null;
  }

  private void uploadFullPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = objects.startUpload(key);
      }
      parts.add(objects.uploadPart(key, uploadId, parts.size() + 1, buffer, count));
      count = 0;
    } catch (IOException e) {
      closed = true;
      if (uploadId != null) {
        objects.abortUpload(key, uploadId, e);
      }
      throw e;
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("the upload of " + objects.uriOf(key) + " is closed or failed");
    }
  }
}
