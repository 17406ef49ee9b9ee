package io.metasync.bench;

import io.metasync.common.Ticker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark harness: {@code bench/run [options] [all | getStatus | list | recursive | sync |
 * removal | writes | restart | permissions | metastore | activesync | hdfs | wide ...]}. Creates
 * (or reuses) the fixtures, starts masters in this JVM on ephemeral ports, runs each scenario
 * against its baseline in alternating rounds, and prints Markdown tables on stdout; progress goes
 * to stderr. Not a test: nothing runs it during the build.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    // The masters log every start at INFO; only warnings matter here. Set before any logger exists.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    // the run's one time source: every scenario and helper times with this ticker
    Ticker ticker = Ticker.system();
    Progress.start(ticker);
    long start = ticker.nanos();
    Path folder =
        options.folder().isPresent()
            ? Files.createDirectories(options.folder().get())
            : Files.createTempDirectory("metasync-bench-");
    try {
      run(options, folder, ticker);
    } finally {
      if (options.folder().isEmpty()) {
        Progress.log("removing %s", folder);
        FolderDeletion.delete(folder);
      }
    }
    Progress.log("done in %.1f min", (ticker.nanos() - start) / 60e9);
  }

  private static void run(BenchOptions options, Path folder, Ticker ticker) throws Exception {
    Fixtures fixtures = new Fixtures(folder.resolve("ufs"), options.scale(), ticker);
    if (options.needsLocalFixtures()) {
      fixtures.prepare();
    }
    ResultTable table = new ResultTable();
    Path masters = folder.resolve("masters");
    try (BenchContext context = new BenchContext(options, ticker, fixtures, masters, table)) {
      for (BenchOptions.Scenario scenario : options.scenarios()) {
        Progress.log("scenario %s", scenario.argument);
        switch (scenario) {
          case GET_STATUS -> GetStatusScenario.run(context);
          case LIST -> ListScenario.run(context);
          case RECURSIVE -> RecursiveScenario.run(context);
          case SYNC -> SyncScenario.run(context);
          case REMOVAL -> RemovalScenario.run(context);
          case WRITES -> WritesScenario.run(context);
          case RESTART -> RestartScenario.run(context);
          case METASTORE -> MetastoreScenario.run(context);
          case ACTIVE_SYNC -> ActiveSyncScenario.run(context);
          case HADOOP_READ -> HadoopReadScenario.run(context);
          case PERMISSIONS -> PermissionsScenario.run(context);
          case HDFS -> HdfsScenario.run(context, folder.resolve("hdfs"));
          case HDFS_ACTIVE_SYNC ->
              HdfsActiveSyncScenario.run(context, folder.resolve("hdfs-activesync"));
          case WIDE -> WideScenario.run(context, folder.resolve("wide"));
          case HDFS_WIDE -> HdfsWideScenario.run(context, folder.resolve("hdfs-wide"));
          case FIRST_LOAD -> FirstLoadScenario.run(context, folder.resolve("firstload"));
          case MIXED -> MixedScenario.run(context, folder.resolve("mixed"));
          case HADOOP_API -> HadoopApiScenario.run(context, folder.resolve("hadoopapi"));
          case S3 -> S3Scenario.run(context, folder.resolve("s3"));
          case FAILOVER -> FailoverScenario.run(context, folder.resolve("failover"));
          case CATCHUP -> SnapshotCatchUpScenario.run(context, folder.resolve("catchup"));
          case WATCH -> WatchScenario.run(context, folder.resolve("watch"));
        }
      }
    }
    FolderDeletion.delete(masters);
    if (options.needsLocalFixtures()) {
      table.note(
          "fixtures: %,d files and %,d folders in %s, %s",
          fixtures.fileCount(),
          fixtures.folderCount(),
          fixtures.ufsRoot(),
          fixtures.reused()
              ? "reused from an earlier run"
              : String.format(
                  Locale.ROOT, "created in %.1f s", fixtures.creationTime().toMillis() / 1e3));
    }
    table.note(
        "rounds: %d warm-up + %d measured per case, sides alternating; slices of %.1f s",
        options.warmupRounds(), options.measuredRounds(), options.sliceSeconds());
    table.note("JVM: %s", environment());
    table.print(System.out);
  }

  private static String environment() throws IOException {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Java %s (%s), %d processors, max heap %,d MB, flags %s",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        runtime.availableProcessors(),
        runtime.maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
