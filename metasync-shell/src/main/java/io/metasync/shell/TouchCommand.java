package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code touch PATH}: an empty file, like {@code hadoop fs -touchz}. */
@Command(name = "touch", description = "Create an empty file; fails if the path exists.")
final class TouchCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path of the new file.")
  private String path;

  @Override
  void execute(MetasyncClient client) throws IOException {
    client.createFile(path, InputStream.nullInputStream());
  }
}
