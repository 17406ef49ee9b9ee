package io.metasync.bench;

import io.metasync.client.CallOptions;
import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.client.Progress;

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
    try (CloseableIterator<FileStatus> entries = client.listStatus(path, recursive, options)) {
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
   * Runs {@code loadMetadata -R} and checks that the master saw {@code expectedFiles} files.
   *
   * @return milliseconds the call took
   */
  static double timedLoad(
      MetasyncClient client, String path, CallOptions options, long expectedFiles) {
    long start = System.nanoTime();
    Progress last = client.loadMetadata(path, true, progress -> {}, options);
    double millis = (System.nanoTime() - start) / 1e6;
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
