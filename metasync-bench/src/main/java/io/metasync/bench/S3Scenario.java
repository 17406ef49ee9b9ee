package io.metasync.bench;

import io.metasync.client.MountOptions;
import io.metasync.common.Ticker;
import io.metasync.hadoop.MetasyncFileSystem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Object stores (issue 17), against a real S3 server (s3proxy in its own process, objects as files
 * under {@code --dir}) holding a table of 100,000 objects in 1,000 partition folders: a fresh
 * in-process master's first {@code loadMetadata -R} of the mount against the SDK's paged
 * ListObjectsV2 walk (by folder, and flat), and a Spark-style partition discovery through {@code
 * metasync://} from the cache against the same walk with the SDK. The active-sync figures are
 * {@link S3ActiveSyncScenario}'s. Not part of {@code all}.
 */
final class S3Scenario {
  private static final String NAME = "s3";
  static final String MOUNT = "/s3";
  private static final String S3A_TABLE = "s3a://" + S3Table.BUCKET + "/" + S3Table.PREFIX;

  private S3Scenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    Ticker ticker = context.ticker();
    // 100,000 objects in 1,000 folders (--quick: a tenth of each)
    int folders = 1_000 / context.options().scale();
    int filesPerFolder = 100_000 / context.options().scale() / folders;
    try (S3Table table = S3Table.start(folder, folders, filesPerFolder, ticker)) {
      int rounds = Math.max(1, Math.min(5, context.options().measuredRounds()));
      firstLoad(context, folder, table, rounds);
      partitionDiscovery(context, folder, table, rounds);
      S3ActiveSyncScenario.run(context, folder, table);
      context
          .table()
          .note(
              "s3: s3proxy 4.0.0 (filesystem-nio2 backend, its own JVM, loopback), table of %,d"
                  + " objects in %,d folders, %s",
              table.objects(), table.folders(), table.creation());
    }
  }

  /** (a) A fresh master's first load vs the SDK's walks, sides alternating. */
  private static void firstLoad(BenchContext context, Path folder, S3Table table, int rounds)
      throws Exception {
    Ticker ticker = context.ticker();
    List<Double> loads = new ArrayList<>();
    List<Double> byFolder = new ArrayList<>();
    List<Double> flat = new ArrayList<>();
    List<String> loadAverages = new ArrayList<>();
    try (S3Client client = table.server().newClient()) {
      for (int round = 0; round < rounds; round++) {
        boolean sdkFirst = round % 2 == 0;
        if (round == 0) {
          // the flat walk is a reference only, and slow on s3proxy's file backend: once
          flat.add(timed(ticker, table, () -> walk(client, false)));
        }
        if (sdkFirst) {
          byFolder.add(timed(ticker, table, () -> walk(client, true)));
        }
        try (BenchMaster master = startMaster(context, folder, table)) {
          loads.add(
              Listings.timedLoad(
                  master.client(), MOUNT, BenchMaster.CACHED, table.objects(), ticker));
        }
        if (!sdkFirst) {
          byFolder.add(timed(ticker, table, () -> walk(client, true)));
        }
        loadAverages.add(LoadAverage.now());
        Progress.log(
            "s3: first load round %d/%d: metasync %,.0f ms, SDK by folder %,.0f ms, flat (round 1)"
                + " %,.0f ms (load average %s)",
            round + 1,
            rounds,
            loads.get(round),
            byFolder.get(round),
            flat.get(0),
            loadAverages.get(round));
      }
    }
    Summary load = Summary.of(loads);
    Summary sdk = Summary.of(byFolder);
    Summary flatWalk = Summary.of(flat);
    context
        .table()
        .figure(
            NAME,
            String.format(
                Locale.ROOT,
                "first load of %,d objects in %,d folders: fresh master's loadMetadata -R vs the"
                    + " SDK's ListObjectsV2 walk by folder (flat walk, once, in brackets), %d rounds,"
                    + " load average %s",
                table.objects(),
                table.folders(),
                rounds,
                String.join(" / ", loadAverages)),
            String.format(
                Locale.ROOT,
                "%,.0f ms (%,.0f–%,.0f) vs %,.0f ms (%,.0f–%,.0f) [flat %,.0f ms]: ratio %.2f",
                load.median(),
                load.min(),
                load.max(),
                sdk.median(),
                sdk.min(),
                sdk.max(),
                flatWalk.median(),
                load.median() / sdk.median()),
            "goal: ratio at most 1.5");
  }

  /**
   * (b) Partition discovery through metasync:// from the cache vs {@code s3a://} (hadoop-aws, what
   * a Spark job on S3 uses) and vs the SDK's own folder walk, sides rotating.
   */
  private static void partitionDiscovery(
      BenchContext context, Path folder, S3Table table, int rounds) throws Exception {
    Ticker ticker = context.ticker();
    List<Double> cached = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    List<Double> overS3a = new ArrayList<>();
    List<String> loadAverages = new ArrayList<>();
    try (BenchMaster master = startMaster(context, folder, table);
        S3Client client = table.server().newClient()) {
      master.client().withOptions(BenchMaster.CACHED).loadMetadata(MOUNT, true, progress -> {});
      try (FileSystem metasync = metasync(master.rpcPort());
          FileSystem s3a = s3a(table)) {
        // one discovery to open the channels and warm every side
        discover(metasync, MOUNT);
        discover(s3a, S3A_TABLE);
        walk(client, true);
        List<Runnable> sides =
            List.of(
                () -> cached.add(timedUnchecked(ticker, table, () -> discover(metasync, MOUNT))),
                () -> overS3a.add(timedUnchecked(ticker, table, () -> discover(s3a, S3A_TABLE))),
                () -> direct.add(timedUnchecked(ticker, table, () -> walk(client, true))));
        for (int round = 0; round < rounds; round++) {
          for (int side = 0; side < sides.size(); side++) {
            sides.get((round + side) % sides.size()).run(); // each side goes first in turn
          }
          loadAverages.add(LoadAverage.now());
          Progress.log(
              "s3: partition discovery round %d/%d: metasync:// %,.0f ms, s3a:// %,.0f ms, SDK"
                  + " %,.0f ms (load average %s)",
              round + 1,
              rounds,
              cached.get(round),
              overS3a.get(round),
              direct.get(round),
              loadAverages.get(round));
        }
      }
    }
    Summary metasync = Summary.of(cached);
    Summary s3a = Summary.of(overS3a);
    Summary sdk = Summary.of(direct);
    String rounded =
        String.format(
            Locale.ROOT, "%d rounds, load average %s", rounds, String.join(" / ", loadAverages));
    discoveryFigure(
        context,
        table,
        "s3a:// (hadoop-aws, the same calls on the same server), " + rounded,
        metasync,
        s3a,
        "goal: at least 10x faster");
    discoveryFigure(
        context,
        table,
        "the SDK's ListObjectsV2 directly (a floor for any S3 client), " + rounded,
        metasync,
        sdk,
        "reference: what any S3 client pays at least");
  }

  private static void discoveryFigure(
      BenchContext context,
      S3Table table,
      String baseline,
      Summary metasync,
      Summary other,
      String reference) {
    context
        .table()
        .figure(
            NAME,
            String.format(
                Locale.ROOT,
                "partition discovery (list the table, then each of its %,d folders, as Hadoop's"
                    + " InMemoryFileIndex does): metasync:// (Hadoop FileSystem, interval -1,"
                    + " cached) vs %s",
                table.folders(),
                baseline),
            String.format(
                Locale.ROOT,
                "%,.0f ms (%,.0f–%,.0f) vs %,.0f ms (%,.0f–%,.0f): %.1fx faster",
                metasync.median(),
                metasync.min(),
                metasync.max(),
                other.median(),
                other.min(),
                other.max(),
                other.median() / metasync.median()),
            reference);
  }

  /** A master in this JVM with the table mounted at {@link #MOUNT}, nothing loaded yet. */
  static BenchMaster startMaster(BenchContext context, Path folder, S3Table table)
      throws IOException {
    BenchMaster master =
        BenchMaster.start(emptyRoot(folder), context.mastersFolder(), ufs -> ufs, Map.of());
    mount(master, table, Map.of());
    return master;
  }

  static void mount(BenchMaster master, S3Table table, Map<String, String> extraOptions) {
    Map<String, String> options = new java.util.HashMap<>(table.server().mountOptions());
    options.putAll(extraOptions);
    master.client().mount(MOUNT, table.uri().toString(), new MountOptions(false, false, options));
  }

  static Path emptyRoot(Path folder) throws IOException {
    return java.nio.file.Files.createDirectories(folder.resolve("root"));
  }

  private static long walk(S3Client client, boolean byFolder) {
    return byFolder
        ? S3Walks.delimiterWalk(client, S3Table.BUCKET, S3Table.PREFIX)
        : S3Walks.flatWalk(client, S3Table.BUCKET, S3Table.PREFIX);
  }

  /** Files found listing the table's top, then each partition folder. */
  private static long discover(FileSystem fileSystem, String table) throws IOException {
    long files = 0;
    for (FileStatus partition : fileSystem.listStatus(new org.apache.hadoop.fs.Path(table))) {
      if (partition.isDirectory()) {
        files += fileSystem.listStatus(partition.getPath()).length;
      }
    }
    return files;
  }

  private static FileSystem metasync(int port) throws IOException {
    return FileSystem.newInstance(
        URI.create(MetasyncFileSystem.SCHEME + "://localhost:" + port + "/"),
        new Configuration(false));
  }

  /**
   * S3A on the table's server, configured as a user of an S3-compatible store would: endpoint,
   * path-style access, the keys; Hadoop's defaults are not read ({@code Configuration(false)}), so
   * the implementation and the buffer folder are named here.
   */
  private static FileSystem s3a(S3Table table) throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    conf.set("hadoop.tmp.dir", System.getProperty("java.io.tmpdir") + "/hadoop-bench");
    conf.set("fs.s3a.endpoint", table.server().endpoint().toString());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.access.key", table.server().accessKey());
    conf.set("fs.s3a.secret.key", table.server().secretKey());
    return FileSystem.newInstance(URI.create("s3a://" + S3Table.BUCKET + "/"), conf);
  }

  private static double timedUnchecked(Ticker ticker, S3Table table, Walk walk) {
    try {
      return timed(ticker, table, walk);
    } catch (Exception e) {
      throw new IllegalStateException("a partition discovery failed: " + e.getMessage(), e);
    }
  }

  /** Milliseconds of one walk, which must find every object of the table. */
  private static double timed(Ticker ticker, S3Table table, Walk walk) throws Exception {
    long start = ticker.nanos();
    long found = walk.objects();
    double millis = (ticker.nanos() - start) / 1e6;
    Listings.check("walk of " + table.uri(), found, table.objects());
    return millis;
  }

  @FunctionalInterface
  private interface Walk {
    long objects() throws Exception;
  }
}
