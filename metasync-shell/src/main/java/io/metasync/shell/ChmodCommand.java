package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chmod MODE PATH}. */
@Command(name = "chmod", description = "Set the permission bits of a file or directory.")
final class ChmodCommand extends FsHandler {
  @Parameters(
      index = "0",
      paramLabel = "MODE",
      converter = OctalModeConverter.class,
      description = "Octal mode, such as 755 or 0644.")
  private int mode;

  @Parameters(index = "1", paramLabel = "PATH", description = "Namespace path.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.setMode(path, mode);
  }
}
