package io.metasync.bench;

import io.metasync.client.CallOptions;
import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.client.Progress;
import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.common.Ticker;
import io.metasync.master.Namespace;
import io.metasync.master.file.PathStatus;
import io.metasync.master.sync.ReadOptions;
import java.util.Iterator;
import java.util.List;

/** Client-side helpers shared by the scenarios: consume a listing, run a load, check counts. */
final class Listings {
  /** Keeps the JIT from dropping work whose result nobody reads. */
  private static volatile long sink;

  private Listings() {}

  /**
   * Lists {@code path} through metasync and consumes every entry.
   *
   * @throws IllegalStateException when the count is not {@code expected}
   */
  static void consume(
      MetasyncClient client, String path, boolean recursive, CallOptions options, long expected) {
    long count = 0;
    long hash = 0;
    try (CloseableIterator<FileStatus> entries =
        client.withOptions(options).listStatus(path, recursive)) {
      while (entries.hasNext()) {
        FileStatus status = entries.next();
        hash += status.length() + status.lastModifiedMs() + status.path().length();
        count++;
      }
    }
    sink += hash;
    check("listing " + path, count, expected);
  }

  /**
   * Lists {@code path} from the cache by calling the master's read operation in-process: the
   * master's own work for a listing, without gRPC, protobuf or the client.
   *
   * @throws IllegalStateException when the count is not {@code expected}
   */
  static void consumeInProcess(Namespace namespace, String path, boolean recursive, long expected) {
    long count = 0;
    long hash = 0;
    Iterator<List<PathStatus>> pages =
        namespace
            .reads()
            .listStatus(
                NamespacePath.parse(path),
                recursive,
                new ReadOptions(SyncInterval.NEVER, LoadType.ONCE));
    while (pages.hasNext()) {
      for (PathStatus status : pages.next()) {
        hash += status.inode().length() + status.ufsUri().hashCode() + status.lastSyncedMs();
        count++;
      }
    }
    sink += hash;
    check("in-process listing " + path, count, expected);
  }

  /**
   * Runs {@code loadMetadata -R} and checks that the master saw {@code expectedFiles} files.
   *
   * @return milliseconds the call took
   */
  static double timedLoad(
      MetasyncClient client, String path, CallOptions options, long expectedFiles, Ticker ticker) {
    long start = ticker.nanos();
    Progress last = client.withOptions(options).loadMetadata(path, true, progress -> {});
    double millis = (ticker.nanos() - start) / 1e6;
    check("loadMetadata -R " + path, last.files(), expectedFiles);
    return millis;
  }

  static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          what + " gave " + actual + " entries, expected " + expected + ": the figures are void");
    }
  }
}
