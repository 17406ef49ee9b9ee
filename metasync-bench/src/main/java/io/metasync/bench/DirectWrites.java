package io.metasync.bench;

import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * The writes of {@link ClientWriteCases} done on the UFS directly, their baselines: with java.nio
 * on the local folder (the physical floor), or through a {@link UnderFileSystem} (the slow one).
 */
interface DirectWrites {
  /** Names the baseline's calls, for the table. */
  String name();

  void createFile(String path, byte[] content) throws IOException;

  void rename(String source, String destination) throws IOException;

  void delete(String path) throws IOException;

  static DirectWrites local(Fixtures fixtures) {
    return new DirectWrites() {
      @Override
      public String name() {
        return "java.nio";
      }

      @Override
      public void createFile(String path, byte[] content) throws IOException {
        Files.write(fixtures.local(path), content);
      }

      @Override
      public void rename(String source, String destination) throws IOException {
        Files.move(fixtures.local(source), fixtures.local(destination));
      }

      @Override
      public void delete(String path) throws IOException {
        Files.delete(fixtures.local(path));
      }
    };
  }

  static DirectWrites ufs(UnderFileSystem ufs) {
    return new DirectWrites() {
      @Override
      public String name() {
        return "the UFS";
      }

      @Override
      public void createFile(String path, byte[] content) throws IOException {
        try (OutputStream out = ufs.create(path, 0644)) {
          out.write(content);
        }
      }

      @Override
      public void rename(String source, String destination) throws IOException {
        ufs.rename(source, destination);
      }

      @Override
      public void delete(String path) throws IOException {
        ufs.delete(path, false);
      }
    };
  }
}
