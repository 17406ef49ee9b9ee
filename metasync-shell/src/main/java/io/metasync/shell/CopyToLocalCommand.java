package io.metasync.shell;

import io.metasync.client.FileInStream;
import io.metasync.client.MetasyncClient;
import io.metasync.common.NamespacePath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code copyToLocal PATH LOCAL}. */
@Command(
    name = "copyToLocal",
    description = {
      "Copy a file of the namespace to a new local file.",
      "When LOCAL is an existing directory the file keeps its name inside it;"
          + " an existing local file is never overwritten."
    })
final class CopyToLocalCommand extends FsHandler {
  @Parameters(index = "0", paramLabel = "PATH", description = "Namespace path of a file.")
  private String path;

  @Parameters(index = "1", paramLabel = "LOCAL", description = "Local path of the copy.")
  private Path local;

  @Override
  void execute(MetasyncClient client) throws IOException {
    Path target =
        Files.isDirectory(local) ? local.resolve(NamespacePath.parse(path).name()) : local;
    try (FileInStream in = client.open(path)) {
      copy(in, target);
    }
  }

  /** Copies into a new file, removed again if the copy fails halfway. */
  private static void copy(FileInStream in, Path target) {
    OutputStream out;
    try {
      out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw LocalFileErrors.of(target, e);
    }
    try (out) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof IOException io ? LocalFileErrors.of(target, io) : (RuntimeException) e;
    }
  }
}
