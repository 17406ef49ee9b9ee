package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.Ticker;
import io.metasync.master.journal.JournaledState;
import io.metasync.master.journal.RatisJournal;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.InodeRecord;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mutations through metasync, each one journal entry committed before the call returns, against the
 * same UFS operation done directly: {@code mkdir} ({@code createDirectory}) and {@code touch}
 * ({@code createFile} with no bytes), from 1 and 8 client threads, each thread in a folder of its
 * own (distinct paths). Twice: on the local folder ({@code Files.createDirectory} / {@code
 * Files.createFile} as the baseline), and on a slow UFS where every UFS call first waits {@link
 * #SLOW_UFS_DELAY_MS} ms (a {@link LatencyUfs} around the master's UFS, and the same decorator
 * around a {@code LocalUnderFileSystem} for the baseline). The figure is wall time per write (slice
 * time / writes completed by all threads), so the ratio reads as "times the direct UFS cost".
 */
final class WritesScenario {
  private static final String NAME = "writes";
  private static final int[] THREADS = {1, 8};
  static final long SLOW_UFS_DELAY_MS = 1;

  /** One write of a slice, by thread {@code thread}, its {@code index}-th. */
  @FunctionalInterface
  private interface Write {
    void run(String folder, int index) throws Exception;
  }

  /** Creates the folder one thread writes into, before the clock starts. */
  @FunctionalInterface
  private interface Prepare {
    void run(String folder) throws Exception;
  }

  private static final AtomicInteger SLICES = new AtomicInteger();

  private WritesScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    Path root = fixtures.ufsRoot();
    Map<String, Double> throughput = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS[THREADS.length - 1]);
    try {
      try (BenchMaster master = context.startMaster()) {
        MetasyncClient client = master.client();
        Prepare viaMetasync =
            folder -> client.withOptions(BenchMaster.CACHED).createDirectory(folder, true);
        Prepare locally = folder -> Files.createDirectories(fixtures.local(folder));
        Write mkdir =
            (folder, i) ->
                client.withOptions(BenchMaster.CACHED).createDirectory(folder + "/d" + i, false);
        Write touch =
            (folder, i) ->
                client
                    .withOptions(BenchMaster.CACHED)
                    .createFile(folder + "/f" + i, InputStream.nullInputStream());
        Write localMkdir = (folder, i) -> Files.createDirectory(fixtures.local(folder + "/d" + i));
        Write localTouch = (folder, i) -> Files.createFile(fixtures.local(folder + "/f" + i));
        for (int threads : THREADS) {
          compare(
              context,
              pool,
              throughput,
              "mkdir",
              "local folder",
              threads,
              viaMetasync,
              mkdir,
              locally,
              localMkdir,
              "createDirectory vs Files.createDirectory");
          compare(
              context,
              pool,
              throughput,
              "touch",
              "local folder",
              threads,
              viaMetasync,
              touch,
              locally,
              localTouch,
              "createFile (0 bytes) vs Files.createFile");
        }
      }
      long delayNanos = TimeUnit.MILLISECONDS.toNanos(SLOW_UFS_DELAY_MS);
      Ticker ticker = context.ticker();
      try (BenchMaster master =
              context.startMaster(ufs -> new LatencyUfs(ufs, delayNanos, ticker));
          UnderFileSystem direct =
              new LatencyUfs(
                  new UnderFileSystemLoader().open(root.toUri(), Map.of()), delayNanos, ticker)) {
        MetasyncClient client = master.client();
        Prepare viaMetasync =
            folder -> client.withOptions(BenchMaster.CACHED).createDirectory(folder, true);
        Prepare locally = folder -> Files.createDirectories(fixtures.local(folder));
        Write mkdir =
            (folder, i) ->
                client.withOptions(BenchMaster.CACHED).createDirectory(folder + "/d" + i, false);
        Write touch =
            (folder, i) ->
                client
                    .withOptions(BenchMaster.CACHED)
                    .createFile(folder + "/f" + i, InputStream.nullInputStream());
        Write ufsMkdir = (folder, i) -> direct.mkdir(folder + "/d" + i, 0755);
        Write ufsTouch =
            (folder, i) -> {
              try (OutputStream out = direct.create(folder + "/f" + i, 0644)) {
                // an empty file: the call alone
              }
            };
        String slow = "UFS +" + SLOW_UFS_DELAY_MS + " ms per call";
        for (int threads : THREADS) {
          compare(
              context,
              pool,
              throughput,
              "mkdir",
              slow,
              threads,
              viaMetasync,
              mkdir,
              locally,
              ufsMkdir,
              "createDirectory vs UFS mkdir");
          compare(
              context,
              pool,
              throughput,
              "touch",
              slow,
              threads,
              viaMetasync,
              touch,
              locally,
              ufsTouch,
              "createFile (0 bytes) vs UFS create");
        }
      }
      journalAlone(context, pool);
    } finally {
      pool.shutdownNow();
      FolderDeletion.delete(fixtures.local(fixtures.scratchPath()));
    }
    for (String ufs : List.of("local folder", "UFS +" + SLOW_UFS_DELAY_MS + " ms per call")) {
      for (String op : List.of("mkdir", "touch")) {
        Double one = throughput.get(op + "|" + ufs + "|1|metasync");
        Double eight = throughput.get(op + "|" + ufs + "|8|metasync");
        Double oneDirect = throughput.get(op + "|" + ufs + "|1|direct");
        Double eightDirect = throughput.get(op + "|" + ufs + "|8|direct");
        if (one == null || eight == null) {
          continue;
        }
        context
            .table()
            .note(
                "writes, %s, %s: metasync %s writes/s at 1 thread (%s µs per call), %s at 8 threads"
                    + " (%s µs per call), ×%.2f from 1 to 8 threads; direct %s and %s writes/s"
                    + " (×%.2f)",
                op,
                ufs,
                ResultTable.number(one),
                ResultTable.number(1e6 / one),
                ResultTable.number(eight),
                ResultTable.number(8e6 / eight),
                eight / one,
                ResultTable.number(oneDirect),
                ResultTable.number(eightDirect),
                eightDirect / oneDirect);
      }
    }
  }

  /**
   * The journal without the master: {@code RatisJournal.write} of a small entry to a state that
   * ignores it, against appending as many bytes to a file and {@code fdatasync}ing it under a lock
   * (one sync per write, no group commit): what one committed entry costs, and whether concurrent
   * proposals share a flush.
   */
  private static void journalAlone(BenchContext context, ExecutorService pool) throws Exception {
    Path folder = context.mastersFolder().resolve("journal-alone");
    FolderDeletion.delete(folder);
    Files.createDirectories(folder);
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.home", folder.toString(),
                "metasync.master.journal.folder", folder.resolve("journal").toString(),
                "metasync.master.journal.port", "0"));
    JournalEntry entry =
        JournalEntry.newBuilder()
            .setInodes(
                InodeBatch.newBuilder()
                    .addChanges(
                        InodeChange.newBuilder()
                            .setPut(
                                InodeRecord.newBuilder()
                                    .setId(12345)
                                    .setParentId(1)
                                    .setName("d0000-some-name")
                                    .setOwner("owner")
                                    .setGroup("group"))))
            .build();
    byte[] bytes = entry.toByteArray();
    Object fileLock = new Object();
    try (RatisJournal journal = RatisJournal.open(conf, new IgnoredState());
        FileChannel log =
            FileChannel.open(
                folder.resolve("fdatasync.log"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
      Prepare nothing = name -> {};
      Write propose = (name, i) -> journal.write(entry);
      Write append =
          (name, i) -> {
            synchronized (fileLock) {
              log.write(ByteBuffer.wrap(bytes));
              log.force(false);
            }
          };
      for (int threads : THREADS) {
        compare(
            context,
            pool,
            new LinkedHashMap<>(),
            "journal entry",
            "journal alone",
            threads,
            nothing,
            propose,
            nothing,
            append,
            String.format(
                "RatisJournal.write (%d-byte entry) vs append + fdatasync under a lock",
                bytes.length));
      }
    } finally {
      FolderDeletion.delete(folder);
    }
  }

  /** A journaled state that ignores every entry: the journal's own cost. */
  private static final class IgnoredState implements JournaledState {
    @Override
    public void apply(JournalEntry entry) {}

    @Override
    public void writeSnapshot(OutputStream out) {}

    @Override
    public void loadSnapshot(InputStream in) {}
  }

  private static void compare(
      BenchContext context,
      ExecutorService pool,
      Map<String, Double> throughput,
      String op,
      String ufs,
      int threads,
      Prepare metasyncPrepare,
      Write metasyncWrite,
      Prepare directPrepare,
      Write directWrite,
      String what)
      throws Exception {
    BenchOptions options = context.options();
    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    Ticker ticker = context.ticker();
    String scratch = context.fixtures().scratchPath() + "/writes";
    String label = String.format("%s %s %d thread%s", op, ufs, threads, threads == 1 ? "" : "s");
    PairedRounds.Result result =
        PairedRounds.run(
            "writes " + label,
            "µs/write",
            options,
            () -> slice(pool, threads, sliceNanos, ticker, scratch, metasyncPrepare, metasyncWrite),
            () -> slice(pool, threads, sliceNanos, ticker, scratch, directPrepare, directWrite));
    context
        .table()
        .add(
            NAME,
            String.format(
                "%s, %s, %d thread%s: %s", op, ufs, threads, threads == 1 ? "" : "s", what),
            "µs of wall time per write",
            result,
            threads == 8 ? "issue goal: ≤ 1.3× at 8 threads" : "–");
    String key = op + "|" + ufs + "|" + threads + "|";
    throughput.put(key + "metasync", 1e6 / Summary.of(result.metasync()).median());
    throughput.put(key + "direct", 1e6 / Summary.of(result.baseline()).median());
  }

  /**
   * Runs {@code threads} writers for one slice, each in a new folder of its own.
   *
   * @return microseconds of wall time per completed write
   */
  private static double slice(
      ExecutorService pool,
      int threads,
      long sliceNanos,
      Ticker ticker,
      String scratch,
      Prepare prepare,
      Write write)
      throws Exception {
    String base = scratch + "/s" + SLICES.incrementAndGet();
    String[] folders = new String[threads];
    for (int t = 0; t < threads; t++) {
      folders[t] = base + "/t" + t;
      prepare.run(folders[t]);
    }
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String folder = folders[t];
      counts.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                long count = 0;
                while (ticker.nanos() < deadline[0]) {
                  write.run(folder, (int) count);
                  count++;
                }
                return count;
              }));
    }
    ready.await();
    long start = ticker.nanos();
    deadline[0] = start + sliceNanos;
    go.countDown();
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    double micros = (ticker.nanos() - start) / 1e3;
    return micros / total;
  }
}
