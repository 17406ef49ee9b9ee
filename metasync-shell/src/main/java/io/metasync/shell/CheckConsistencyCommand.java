package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncException;
import io.metasync.common.PrintableNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code checkConsistency [-R] PATH}: differences on stdout, failure if there are any. */
@Command(
    name = "checkConsistency",
    description = {
      "Compare the cache with the UFS without changing either; print 'PATH: description'",
      "for each difference. Exits 1 when there is any."
    })
final class CheckConsistencyCommand extends FsHandler {
  @Option(names = "-R", description = "Check the whole subtree.")
  private boolean recursive;

  @Parameters(paramLabel = "PATH", description = "Namespace path.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    StatusFormat format = statusFormat();
    long count =
        client.checkConsistency(
            path,
            recursive,
            difference ->
                out()
                    .println(
                        PrintableNames.escape(difference.path())
                            + ": "
                            + format.localTimes(difference.description())),
            new ProgressPrinter("checking " + path, environment()));
    if (count > 0) {
      throw MetasyncException.failedPrecondition(
          (count == 1
                  ? "1 path under " + path + " differs"
                  : count + " paths under " + path + " differ")
              + " from the UFS; resync them with loadMetadata "
              + (recursive ? "-R " : "")
              + path
              + " -Dmetasync.user.file.metadata.sync.interval=0");
    }
  }
}
