package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code startSync PATH}. */
@Command(
    name = "startSync",
    description = {
      "Follow a folder through its UFS's change feed and apply changes in the background.",
      "The folder is first synced whole (unless metasync.master.activesync.initialsync=false)."
    })
final class StartSyncCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path of the folder.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.startSync(path);
  }
}
