package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stat PATH}: every field of one status as {@code key: value} lines. */
@Command(
    name = "stat",
    description = "Show the status of a file or directory as 'key: value' lines.")
final class StatCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path, such as /a/b.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    statusFormat().statLines(client.getStatus(path)).forEach(out()::println);
  }
}
