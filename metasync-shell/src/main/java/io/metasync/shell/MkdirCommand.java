package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mkdir [-p] PATH}. */
@Command(name = "mkdir", description = "Create a directory, in the namespace and in its UFS.")
final class MkdirCommand extends FsHandler {
  @Option(names = "-p", description = "Create missing parents too; no error if it exists.")
  private boolean parents;

  @Parameters(paramLabel = "PATH", description = "Namespace path of the new directory.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.createDirectory(path, parents);
  }
}
