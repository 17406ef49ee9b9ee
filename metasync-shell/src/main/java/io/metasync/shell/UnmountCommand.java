package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unmount PATH}. */
@Command(name = "unmount", description = "Unmount a UFS; the UFS itself is left untouched.")
final class UnmountCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path of the mount.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.unmount(path);
  }
}
