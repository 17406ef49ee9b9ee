package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link BenchMain}: which scenarios, where the fixtures live, how many rounds.
 *
 * @param folder where fixtures and master folders go; empty for a temporary folder removed at the
 *     end (a given folder is kept, and its fixtures are reused by the next run)
 * @param sliceSeconds how long each side of a throughput round runs
 * @param scale divides the fixture sizes (1 for the real benchmark; more only to try the harness)
 * @param wideFiles files in the folder (or tree) of the {@code wide} scenario
 * @param wideFolders subfolders the {@code wide} scenario spreads its files over (1: one folder)
 * @param masterHeap the {@code -Xmx} value of the {@code wide} scenario's master JVM
 * @param hdfs the HDFS of the {@code hdfswide} scenario; empty for a MiniDFSCluster of its own
 */
record BenchOptions(
    List<Scenario> scenarios,
    Optional<Path> folder,
    int warmupRounds,
    int measuredRounds,
    double sliceSeconds,
    int scale,
    long wideFiles,
    int wideFolders,
    String masterHeap,
    Optional<URI> hdfs) {
  static final String USAGE =
      """
      usage: bench/run [options] [all | getStatus | list | recursive | sync | removal | writes | restart | activesync | hadoopread | permissions | metastore | hdfs | hdfsactivesync | wide | hdfswide | firstload | mixed | hadoopapi | s3 | failover | catchup | watch ...]
        --dir DIR          keep fixtures (and reuse them next time) in DIR instead of a temporary folder
        --warmup N         warm-up rounds per case (default 2)
        --rounds N         measured rounds per case (default 9)
        --slice-seconds S  seconds per side of a throughput round (default 2)
        --files N          files in the wide scenario's folder (default 1000000)
        --folders F        spread wide's files over F subfolders, a tree (default 1: one folder)
        --master-heap SIZE -Xmx of the wide scenario's master JVM (default 512m)
        --hdfs URI         hdfswide on this HDFS (e.g. hdfs://localhost:9000 of bin/metasync
                           dev-hdfs; its files are kept for the next run) instead of a MiniDFSCluster
        --quick            fixtures 10 times smaller, 1 warm-up, 3 rounds, 0.5 s slices: only to try
                           the harness, never for figures
      s3 puts a table of 100,000 objects in 1,000 folders (10,000 in 100 with --quick) into
      s3proxy under DIR/s3 once, and reuses it.
      all is every scenario but metastore, wide and the HDFS ones (long, or a MiniDFSCluster each:
      name them).
      Each case runs metasync and its baseline alternately in the same JVM and prints the median,
      the spread (min-max) and the ratio metasync / baseline per round.""";

  enum Scenario {
    GET_STATUS("getStatus", true, true),
    LIST("list", true, true),
    RECURSIVE("recursive", true, true),
    SYNC("sync", true, true),
    REMOVAL("removal", true, true),
    WRITES("writes", true, true),
    RESTART("restart", true, true),
    ACTIVE_SYNC("activesync", true, false),
    /** Reading files through metasync:// (direct UFS path and through the master). */
    HADOOP_READ("hadoopread", true, false),
    /** Cached reads as a non-superuser against masters with permission checks on and off. */
    PERMISSIONS("permissions", true, true),
    /** RocksDB vs heap inode store at 1,000,000 inodes in child JVMs: run by name. */
    METASTORE("metastore", false, false),
    /** Its own MiniDFSCluster and fixtures: run by name. */
    HDFS("hdfs", false, false),
    /** A MiniDFSCluster and a 100,000-create burst, several minutes: run by name. */
    HDFS_ACTIVE_SYNC("hdfsactivesync", false, false),
    /** A folder of --files files (kept in --dir) and a master JVM of its own: run by name. */
    WIDE("wide", false, false),
    /** The same on a MiniDFSCluster (creating 1,000,000 HDFS files takes minutes): run by name. */
    HDFS_WIDE("hdfswide", false, false),
    /** A fresh master's first load with the defaults vs find -printf, two shapes: run by name. */
    FIRST_LOAD("firstload", false, false),
    /** 32 threads of getStatus/listStatus/writes vs the same on the local folder: run by name. */
    MIXED("mixed", false, false),
    /** Hadoop's FileSystem API through metasync:// vs hdfs:// on a MiniDFSCluster: run by name. */
    HADOOP_API("hadoopapi", false, false),
    /** s3proxy with a 100,000-object table (kept in --dir), several masters: run by name. */
    S3("s3", false, false),
    /** Three master JVMs: writes vs a single master, then 20 kills of the leader: run by name. */
    FAILOVER("failover", false, false),
    /** Three master JVMs: a standby that missed a first load catches up from a snapshot. */
    CATCHUP("catchup", false, false),
    /** 1,000 watchers of a folder receiving 10,000 changes, a master JVM: run by name. */
    WATCH("watch", false, false);

    final String argument;

    /** Part of {@code all} (and of a run that names no scenario). */
    final boolean inAll;

    /** Reads the shared local fixtures, which are built (or reused) before the first scenario. */
    final boolean localFixtures;

    Scenario(String argument, boolean inAll, boolean localFixtures) {
      this.argument = argument;
      this.inAll = inAll;
      this.localFixtures = localFixtures;
    }
  }

  BenchOptions {
    requireNonNull(scenarios, "scenarios is null");
    requireNonNull(folder, "folder is null");
    scenarios = List.copyOf(scenarios);
    requireNonNull(masterHeap, "masterHeap is null");
    requireNonNull(hdfs, "hdfs is null");
    if (wideFiles < 1 || !masterHeap.matches("[0-9]+[kmgKMG]?")) {
      throw new IllegalArgumentException(
          "--files must be positive and --master-heap a size such as 512m");
    }
    if (wideFolders < 1 || wideFiles % wideFolders != 0) {
      throw new IllegalArgumentException(
          "--folders must be positive and divide --files (" + wideFiles + ")");
    }
    if (warmupRounds < 0 || measuredRounds < 1 || sliceSeconds <= 0 || scale < 1) {
      throw new IllegalArgumentException(
          "rounds must be >= 1, warm-up rounds >= 0 and slices positive");
    }
  }

  /**
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  static BenchOptions parse(String[] args) {
    Set<Scenario> scenarios = new LinkedHashSet<>();
    Path folder = null;
    int warmup = 2;
    int rounds = 9;
    double slice = 2;
    int scale = 1;
    long wideFiles = 1_000_000;
    int wideFolders = 1;
    String masterHeap = "512m";
    URI hdfs = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--dir" -> folder = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, arg));
        case "--slice-seconds" -> slice = Double.parseDouble(value(args, ++i, arg));
        case "--files" -> wideFiles = Long.parseLong(value(args, ++i, arg));
        case "--folders" -> wideFolders = Integer.parseInt(value(args, ++i, arg));
        case "--master-heap" -> masterHeap = value(args, ++i, arg);
        case "--hdfs" -> hdfs = URI.create(value(args, ++i, arg));
        case "--quick" -> {
          scale = 10;
          warmup = 1;
          rounds = 3;
          slice = 0.5;
        }
        case "all" -> scenarios.addAll(inAll());
        default -> scenarios.add(scenario(arg));
      }
    }
    if (scenarios.isEmpty()) {
      scenarios.addAll(inAll());
    }
    return new BenchOptions(
        new ArrayList<>(scenarios),
        Optional.ofNullable(folder),
        warmup,
        rounds,
        slice,
        scale,
        wideFiles,
        wideFolders,
        masterHeap,
        Optional.ofNullable(hdfs));
  }

  private static List<Scenario> inAll() {
    return List.of(Scenario.values()).stream().filter(s -> s.inAll).toList();
  }

  /** Whether a scenario reads the local fixtures. */
  boolean needsLocalFixtures() {
    return scenarios.stream().anyMatch(s -> s.localFixtures);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static Scenario scenario(String name) {
    for (Scenario scenario : Scenario.values()) {
      if (scenario.argument.equalsIgnoreCase(name)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("unknown scenario or option '" + name + "'");
  }
}
