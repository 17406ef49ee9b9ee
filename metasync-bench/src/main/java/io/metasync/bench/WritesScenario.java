package io.metasync.bench;

import io.metasync.bench.WriteSlices.Case;
import io.metasync.bench.WriteSlices.Prepare;
import io.metasync.bench.WriteSlices.Side;
import io.metasync.bench.WriteSlices.Write;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Mutations through metasync, each one journal entry committed before the call returns, against the
 * same UFS operation done directly: {@code mkdir} ({@code createDirectory}) and {@code touch}
 * ({@code createFile} with no bytes), from 1 and 8 client threads, each thread in a folder of its
 * own (distinct paths). Twice: on the local folder ({@code Files.createDirectory} / {@code
 * Files.createFile} as the baseline), and on a slow UFS where every UFS call first waits {@link
 * #SLOW_UFS_DELAY_MS} ms (a {@link LatencyUfs} around the master's UFS, and the same decorator
 * around a {@code LocalUnderFileSystem} for the baseline). On each, also a 1 MiB create, a rename
 * and a delete through the Java client and through {@code metasync://} ({@link ClientWriteCases}).
 * The figure is wall time per write (slice time / writes completed by all threads), so the ratio
 * reads as "times the direct UFS cost".
 */
final class WritesScenario {
  static final int[] THREADS = {1, 8};
  static final long SLOW_UFS_DELAY_MS = 1;
  static final String LOCAL = "local folder";
  static final String SLOW = "UFS +" + SLOW_UFS_DELAY_MS + " ms per call";

  private WritesScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    Path root = fixtures.ufsRoot();
    Map<String, Double> throughput = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS[THREADS.length - 1]);
    WriteSlices slices = new WriteSlices(context, pool, throughput);
    try {
      try (BenchMaster master = context.startMaster()) {
        MetasyncClient client = master.client().withOptions(BenchMaster.CACHED);
        Prepare viaMetasync = folder -> client.createDirectory(folder, true);
        Prepare locally = folder -> Files.createDirectories(fixtures.local(folder));
        Write mkdir = (folder, i) -> client.createDirectory(folder + "/d" + i, false);
        Write touch =
            (folder, i) -> client.createFile(folder + "/f" + i, InputStream.nullInputStream());
        Write localMkdir = (folder, i) -> Files.createDirectory(fixtures.local(folder + "/d" + i));
        Write localTouch = (folder, i) -> Files.createFile(fixtures.local(folder + "/f" + i));
        for (int threads : THREADS) {
          slices.compare(
              new Case("mkdir", LOCAL, threads, "createDirectory vs Files.createDirectory"),
              new Side(viaMetasync, mkdir),
              new Side(locally, localMkdir));
          slices.compare(
              new Case("touch", LOCAL, threads, "createFile (0 bytes) vs Files.createFile"),
              new Side(viaMetasync, touch),
              new Side(locally, localTouch));
        }
        ClientWriteCases.compare(slices, master, fixtures, DirectWrites.local(fixtures), LOCAL);
      }
      long delayNanos = TimeUnit.MILLISECONDS.toNanos(SLOW_UFS_DELAY_MS);
      Ticker ticker = context.ticker();
      try (BenchMaster master =
              context.startMaster(ufs -> new LatencyUfs(ufs, delayNanos, ticker));
          UnderFileSystem direct =
              new LatencyUfs(
                  new UnderFileSystemLoader().open(root.toUri(), Map.of()), delayNanos, ticker)) {
        MetasyncClient client = master.client().withOptions(BenchMaster.CACHED);
        Prepare viaMetasync = folder -> client.createDirectory(folder, true);
        Prepare locally = folder -> Files.createDirectories(fixtures.local(folder));
        Write mkdir = (folder, i) -> client.createDirectory(folder + "/d" + i, false);
        Write touch =
            (folder, i) -> client.createFile(folder + "/f" + i, InputStream.nullInputStream());
        Write ufsMkdir = (folder, i) -> direct.mkdir(folder + "/d" + i, 0755);
        Write ufsTouch =
            (folder, i) -> {
              try (OutputStream out = direct.create(folder + "/f" + i, 0644)) {
                // an empty file: the call alone
              }
            };
        for (int threads : THREADS) {
          slices.compare(
              new Case("mkdir", SLOW, threads, "createDirectory vs UFS mkdir"),
              new Side(viaMetasync, mkdir),
              new Side(locally, ufsMkdir));
          slices.compare(
              new Case("touch", SLOW, threads, "createFile (0 bytes) vs UFS create"),
              new Side(viaMetasync, touch),
              new Side(locally, ufsTouch));
        }
        ClientWriteCases.compare(slices, master, fixtures, DirectWrites.ufs(direct), SLOW);
      }
      journalAlone(context, new WriteSlices(context, pool, new LinkedHashMap<>()));
    } finally {
      pool.shutdownNow();
      FolderDeletion.delete(fixtures.local(fixtures.scratchPath()));
    }
    for (String ufs : List.of(LOCAL, SLOW)) {
      for (String op : ClientWriteCases.withOps(List.of("mkdir", "touch"))) {
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
  private static void journalAlone(BenchContext context, WriteSlices slices) throws Exception {
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
        slices.compare(
            new Case(
                "journal entry",
                "journal alone",
                threads,
                String.format(
                    "RatisJournal.write (%d-byte entry) vs append + fdatasync under a lock",
                    bytes.length)),
            new Side(nothing, propose),
            new Side(nothing, append));
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
}
