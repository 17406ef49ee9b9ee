package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mv SRC DST}. */
@Command(
    name = "mv",
    description = {
      "Rename a file or directory, in the namespace and in its UFS; when DST is an existing",
      "directory SRC moves into it. Both must be in the same mount."
    })
final class MoveCommand extends FsHandler {
  @Parameters(index = "0", paramLabel = "SRC", description = "Namespace path to rename.")
  private String source;

  @Parameters(
      index = "1",
      paramLabel = "DST",
      description = "Its new namespace path, or a directory to move it into.")
  private String destination;

  @Override
  void execute(MetasyncClient client) {
    client.rename(source, destination);
  }
}
