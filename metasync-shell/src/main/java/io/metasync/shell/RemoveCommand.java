package io.metasync.shell;

import static io.metasync.shell.ProgressPrinter.count;
import static io.metasync.shell.ProgressPrinter.number;
import static io.metasync.shell.ProgressPrinter.rate;
import static io.metasync.shell.ProgressPrinter.seconds;

import io.metasync.client.DeleteProgress;
import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rm [-R] PATH}. With {@code -R} a person at a terminal sees progress on stderr: the entries
 * deleted in the UFS, then those removed from the cache (a tree of millions takes minutes).
 */
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
    if (!recursive) {
      client.delete(path, false);
      return;
    }
    ProgressPrinter printer = new ProgressPrinter("deleting " + path, environment());
    DeleteProgress result =
        client.deleteWithProgress(
            path, true, progress -> printer.show(progress.done(), () -> soFar(progress)));
    printer.finish(() -> summary(path, result));
  }

  /**
   * {@code 12,000 entries deleted in the UFS so far (4,000/s), 3.0s}, then {@code deleted in the
   * UFS (12,001 entries); 5,000 entries removed from the cache so far (10,000/s), 3.5s}. A UFS that
   * deletes a tree in one call (HDFS) gives no count: its phase shows the time alone.
   */
  static String soFar(DeleteProgress progress) {
    long ufs = progress.ufsEntries();
    long cache = progress.cacheEntries();
    String phase =
        switch (progress.phase()) {
          case UFS ->
              ufs == 0
                  ? "deleting in the UFS (no count yet)"
                  : entries(ufs) + " deleted in the UFS so far (" + phaseRate(ufs, progress) + ")";
          case CACHE ->
              "deleted in the UFS"
                  + (ufs == 0 ? "" : " (" + entries(ufs) + ")")
                  + "; "
                  + entries(cache)
                  + " removed from the cache so far ("
                  + phaseRate(cache, progress)
                  + ")";
        };
    return phase + ", " + seconds(progress.elapsedMs());
  }

  private static String entries(long n) {
    return count(n, "entry", "entries");
  }

  private static String phaseRate(long entries, DeleteProgress progress) {
    return rate(entries, progress.phaseElapsedMs());
  }

  /** {@code deleted /x: 12,001 entries in the UFS, 12,001 in the cache, in 4.5s}. */
  static String summary(String path, DeleteProgress result) {
    String counts =
        result.ufsEntries() == 0
            ? entries(result.cacheEntries()) + " in the cache (the UFS gives no count)"
            : entries(result.ufsEntries())
                + " in the UFS, "
                + number(result.cacheEntries())
                + " in the cache";
    return "deleted " + path + ": " + counts + ", in " + seconds(result.elapsedMs());
  }
}
