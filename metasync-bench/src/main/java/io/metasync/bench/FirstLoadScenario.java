package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A new user's first contact with a big tree (issue 15): a fresh master's first {@code loadMetadata
 * -R} with the command line's defaults (interval -1, load once; RocksDB store) against {@code find
 * -printf '%s %T@ %m %U %G'} of the same tree, the floor of any tool that reads every entry's
 * metadata. Two shapes: 100,000 files in one folder and 1,000 folders of 100 files (kept under
 * {@code --dir}). Sides alternate round by round; the load average is printed beside each figure.
 * Not part of {@code all}.
 */
final class FirstLoadScenario {
  private static final String NAME = "firstload";
  private static final List<long[]> SHAPES =
      List.of(new long[] {100_000, 1}, new long[] {100_000, 1_000});

  private FirstLoadScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    Ticker ticker = context.ticker();
    Path ufsRoot = folder.resolve("ufs");
    int rounds = Math.max(1, Math.min(5, context.options().measuredRounds()));
    for (long[] shape : SHAPES) {
      WideFixture tree = new WideFixture(ufsRoot, shape[0], (int) shape[1]);
      tree.prepare(ticker);
      List<Double> loads = new ArrayList<>();
      List<Double> finds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<String> loadAverages = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        boolean findFirst = round % 2 == 0;
        double find = findFirst ? find(tree, ticker) : -1;
        double load = firstLoad(context, folder.resolve("master-" + round), tree);
        if (!findFirst) {
          find = find(tree, ticker);
        }
        loadAverages.add(LoadAverage.now());
        Progress.log(
            "firstload: %s round %d/%d: load %,.0f ms, find %,.0f ms, ratio %.2f (load average %s)",
            tree.path(), round + 1, rounds, load, find, load / find, loadAverages.get(round));
        loads.add(load);
        finds.add(find);
        ratios.add(load / find);
      }
      Summary load = Summary.of(loads);
      Summary find = Summary.of(finds);
      Summary ratio = Summary.of(ratios);
      context
          .table()
          .figure(
              NAME,
              String.format(
                  Locale.ROOT,
                  "%s (%,d files in %,d folders): fresh master's loadMetadata -R (defaults) vs"
                      + " find -printf, %d rounds, load average %s",
                  tree.path(),
                  tree.files(),
                  tree.folders(),
                  rounds,
                  String.join(" / ", loadAverages)),
              String.format(
                  Locale.ROOT,
                  "%,.0f ms (%,.0f–%,.0f) vs %,.0f ms (%,.0f–%,.0f): ratio %.2f (%.2f–%.2f)",
                  load.median(),
                  load.min(),
                  load.max(),
                  find.median(),
                  find.min(),
                  find.max(),
                  ratio.median(),
                  ratio.min(),
                  ratio.max()),
              "goal: ratio at most 1.5");
    }
  }

  /** Milliseconds of a fresh master's first load of the tree, the JVM's start not counted. */
  private static double firstLoad(BenchContext context, Path home, WideFixture tree)
      throws Exception {
    FolderDeletion.delete(home);
    try (MasterJvm master = new MasterJvm(home, tree.ufsRoot(), context.ticker(), "-Xmx2g");
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      double millis =
          Listings.timedLoad(
              client, tree.path(), BenchMaster.CACHED, tree.files(), context.ticker());
      master.stop();
      return millis;
    } finally {
      FolderDeletion.delete(home);
    }
  }

  /** Milliseconds of {@code find -printf} of the tree, its output thrown away. */
  private static double find(WideFixture tree, Ticker ticker)
      throws IOException, InterruptedException {
    long start = ticker.nanos();
    Process find =
        new ProcessBuilder("find", tree.top().toString(), "-printf", "%s %T@ %m %U %G\\n")
            .redirectOutput(Redirect.DISCARD)
            .redirectError(Redirect.INHERIT)
            .start();
    if (!find.waitFor(10, TimeUnit.MINUTES) || find.exitValue() != 0) {
      find.destroyForcibly();
      throw new IOException("find " + tree.top() + " failed or took over 10 minutes");
    }
    return (ticker.nanos() - start) / 1e6;
  }
}
