package io.metasync.hadoop;

import io.metasync.client.FileOutStream;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of a file being created, sent to the master as they are written; the file appears in
 * the namespace when the stream is closed. The master's errors surface as Hadoop's exceptions.
 */
final class CreatedFileStream extends OutputStream {
  private final FileOutStream out;

  CreatedFileStream(FileOutStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (MetasyncException e) {
      throw HadoopErrors.translateCreation(e);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (MetasyncException e) {
      throw HadoopErrors.translateCreation(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (MetasyncException e) {
      throw HadoopErrors.translateCreation(e);
    }
  }
}
