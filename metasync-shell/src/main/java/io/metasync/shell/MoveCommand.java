package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mv SRC DST}. */
@Command(name = "mv", description = "Rename a file or directory; DST must not exist.")
final class MoveCommand extends FsHandler {
  @Parameters(index = "0", paramLabel = "SRC", description = "Namespace path to rename.")
  private String source;

  @Parameters(index = "1", paramLabel = "DST", description = "Its new namespace path.")
  private String destination;

  @Override
  void execute(MetasyncClient client) {
    client.rename(source, destination);
  }
}
