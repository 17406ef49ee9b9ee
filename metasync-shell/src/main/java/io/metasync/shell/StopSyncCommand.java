package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stopSync PATH}. */
@Command(name = "stopSync", description = "Stop following a sync point; its cached metadata stays.")
final class StopSyncCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path of the sync point.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.stopSync(path);
  }
}
