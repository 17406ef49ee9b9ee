package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loadMetadata [-R] PATH}. */
@Command(
    name = "loadMetadata",
    description = {
      "Load metadata from the UFS into the cache, as the sync interval allows;",
      "-Dmetasync.user.file.metadata.sync.interval=0 forces a full resync."
    })
final class LoadMetadataCommand extends FsHandler {
  @Option(names = "-R", description = "Load the whole subtree.")
  private boolean recursive;

  @Parameters(paramLabel = "PATH", description = "Namespace path.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    Progress result =
        client.loadMetadata(path, recursive, new ProgressPrinter("loading " + path, environment()));
    out()
        .println(
            "loaded "
                + path
                + ": "
                + ProgressPrinter.counts(result)
                + " in "
                + ProgressPrinter.seconds(result.elapsedMs()));
  }
}
