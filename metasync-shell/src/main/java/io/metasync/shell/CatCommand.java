package io.metasync.shell;

import io.metasync.client.FileInStream;
import io.metasync.client.MetasyncClient;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cat PATH}: the bytes, streamed, never held whole. */
@Command(name = "cat", description = "Write the content of a file to stdout.")
final class CatCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path of a file.")
  private String path;

  @Override
  void execute(MetasyncClient client) throws IOException {
    try (FileInStream in = client.open(path)) {
      in.transferTo(out());
    }
  }
}
