package io.metasync.bench;

import io.metasync.common.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A re-sync (interval 0) of a folder whose files were all deleted in the UFS behind metasync's
 * back, on a master whose sync-path cache holds a record for each of many synced folders, against
 * the same re-sync on a master whose cache holds almost nothing. Both sides are metasync: the ratio
 * is what the cache's size adds to every removal ({@code SyncPathCache.forgetSubtree} scans the
 * whole cache once per removed inode). The same for deletes through metasync, one call per file.
 */
final class RemovalScenario {
  private static final String NAME = "removal";

  private RemovalScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    int files = fixtures.smallWidth() * 10;
    String victim = fixtures.scratchPath() + "/victim";
    Path local = fixtures.local(victim);
    Ticker ticker = context.ticker();
    try (BenchMaster crowded = context.startMaster();
        BenchMaster sparse = context.startMaster()) {
      Progress.log(
          "removal: syncing %s to fill one master's sync-path cache", fixtures.emptyFoldersPath());
      crowded
          .client()
          .withOptions(BenchMaster.ALWAYS_SYNC)
          .loadMetadata(fixtures.emptyFoldersPath(), true, progress -> {});
      PairedRounds.Result result =
          PairedRounds.run(
              "removal " + victim,
              "ms",
              context.options(),
              () -> resyncAfterRemoval(crowded, victim, local, files, ticker),
              () -> resyncAfterRemoval(sparse, victim, local, files, ticker));
      context
          .table()
          .add(
              NAME,
              String.format(
                  "re-sync of a folder whose %,d files were deleted in the UFS: %,d synced folders"
                      + " in the sync-path cache vs none",
                  files, fixtures.emptyFolderCount()),
              "ms",
              result,
              "–");
      int deletes = fixtures.smallWidth();
      PairedRounds.Result deleted =
          PairedRounds.run(
              "delete through metasync " + victim,
              "ms",
              context.options(),
              () -> deleteThroughMetasync(crowded, victim, local, deletes, ticker),
              () -> deleteThroughMetasync(sparse, victim, local, deletes, ticker));
      context
          .table()
          .add(
              NAME,
              String.format(
                  "delete of %,d files through metasync, one call each: %,d synced folders in the"
                      + " sync-path cache vs none",
                  deletes, fixtures.emptyFolderCount()),
              "ms for all",
              deleted,
              "–");
    } finally {
      FolderDeletion.delete(fixtures.local(fixtures.scratchPath()));
    }
  }

  /** Creates and loads the files, then times deleting them one by one through metasync. */
  private static double deleteThroughMetasync(
      BenchMaster master, String victim, Path local, int files, Ticker ticker) throws IOException {
    createFiles(local, files);
    Listings.timedLoad(master.client(), victim, BenchMaster.ALWAYS_SYNC, files, ticker);
    long start = ticker.nanos();
    for (int i = 0; i < files; i++) {
      master
          .client()
          .withOptions(BenchMaster.CACHED)
          .delete(victim + "/" + Fixtures.fileName(i), false);
    }
    double millis = (ticker.nanos() - start) / 1e6;
    Listings.consume(master.client(), victim, false, BenchMaster.ALWAYS_SYNC, 0);
    return millis;
  }

  private static void createFiles(Path local, int files) throws IOException {
    Files.createDirectories(local);
    byte[] empty = new byte[0];
    for (int i = 0; i < files; i++) {
      Files.write(local.resolve(Fixtures.fileName(i)), empty);
    }
  }

  /** Creates and loads the files, deletes them in the UFS, and times the re-sync that sees it. */
  private static double resyncAfterRemoval(
      BenchMaster master, String victim, Path local, int files, Ticker ticker) throws IOException {
    createFiles(local, files);
    Listings.timedLoad(master.client(), victim, BenchMaster.ALWAYS_SYNC, files, ticker);
    for (int i = 0; i < files; i++) {
      Files.delete(local.resolve(Fixtures.fileName(i)));
    }
    return Listings.timedLoad(master.client(), victim, BenchMaster.ALWAYS_SYNC, 0, ticker);
  }
}
