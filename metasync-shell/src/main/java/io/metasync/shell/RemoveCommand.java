package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rm [-R] PATH}. */
@Command(
    name = "rm",
    description = "Delete a file or an empty directory, in the namespace and in its UFS.")
final class RemoveCommand extends FsHandler {
  @Option(names = "-R", description = "Delete a directory with everything below it.")
  private boolean recursive;

  @Parameters(paramLabel = "PATH", description = "Namespace path to delete.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.delete(path, recursive);
  }
}
