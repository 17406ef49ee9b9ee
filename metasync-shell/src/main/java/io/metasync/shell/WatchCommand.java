package io.metasync.shell;

import io.metasync.client.ChangeWatch;
import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncException;
import io.metasync.common.PrintableNames;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watch [-R] PATH [--from INDEX] [--limit N]}: one line per change, {@code INDEX<TAB>KIND
 * <TAB>PATH} (a move: {@code INDEX<TAB>RENAMED<TAB>SOURCE<TAB>DESTINATION}), flushed as it comes,
 * until Ctrl-C or the limit. The format is for scripts: see docs/command-line.md.
 */
@Command(
    name = "watch",
    description = {
      "Print each change under PATH as it enters the namespace (through metasync or a sync):",
      "INDEX<TAB>CREATED|DELETED|METADATA|CONTENT<TAB>PATH, or INDEX<TAB>RENAMED<TAB>FROM<TAB>TO.",
      "Resume with --from the last INDEX printed; runs until Ctrl-C."
    })
final class WatchCommand extends FsHandler {
  @Option(names = "-R", description = "Watch the whole subtree, not only PATH and its children.")
  private boolean recursive;

  @Option(
      names = "--from",
      paramLabel = "INDEX",
      description = "Print the changes after this journal index (the last one printed) first.")
  private Long from;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after printing N changes.")
  private Long limit;

  @Parameters(paramLabel = "PATH", description = "Namespace path.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    OptionalLong start = from == null ? OptionalLong.empty() : OptionalLong.of(from);
    long printed = 0;
    try (ChangeWatch watch = client.watches().watch(path, recursive, start)) {
      // Ctrl-C: stop the call on the master, print what was taken, and no error for the cut
      AtomicBoolean stopped = new AtomicBoolean();
      Thread onStop =
          new Thread(
              () -> {
                stopped.set(true);
                watch.close();
                out().flush();
              },
              "metasync-watch-stop");
      Runtime.getRuntime().addShutdownHook(onStop);
      try {
        while ((limit == null || printed < limit) && watch.hasNext()) {
          ChangeWatch.Changes entry = watch.next();
          // the whole entry is printed even past the limit: a cursor never points into one
          for (ChangeWatch.Change change : entry.changes()) {
            out().println(line(entry.index(), change));
            printed++;
          }
          out().flush();
        }
      } catch (MetasyncException e) {
        if (!stopped.get()) {
          throw e;
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(onStop);
        } catch (IllegalStateException e) {
          // already shutting down: the hook is running
        }
      }
    }
  }

  /** Paths escaped as {@code ls} does: a line never holds a raw tab or line break of a name. */
  static String line(long index, ChangeWatch.Change change) {
    String path = PrintableNames.escape(change.path());
    return index
        + "\t"
        + change.kind()
        + "\t"
        + change.source().map(source -> PrintableNames.escape(source) + "\t" + path).orElse(path);
  }
}
