package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client thread's share of the mixed workload: 70% getStatus of a random file, 20% listStatus
 * of a random folder, 10% writes, which cycle through create, rename and delete of the thread's own
 * file so the tree keeps its size. The operations themselves are the caller's ({@link Operations});
 * this class picks them and keeps their latencies.
 */
final class MixedWorkload {
  /** The operations of one side (metasync, or the UFS directly), on namespace-style paths. */
  interface Operations {
    void getStatus(String path) throws Exception;

    void listStatus(String path) throws Exception;

    void create(String path) throws Exception;

    void rename(String source, String destination) throws Exception;

    void delete(String path) throws Exception;
  }

  private final Operations operations;
  private final Ticker ticker;
  private final String top;
  private final int folders;
  private final int filesPerFolder;
  private final String ownFolder;
  private long[] latencies = new long[1 << 16];
  private int count;
  private int writeStep;
  private long written;

  MixedWorkload(Operations operations, MixedTree tree, int thread, Ticker ticker) {
    this.operations = operations;
    this.ticker = ticker;
    this.top = tree.path();
    this.folders = tree.folders();
    this.filesPerFolder = tree.filesPerFolder();
    this.ownFolder = tree.writerFolder(thread);
  }

  /** Runs operations until {@code deadlineNanos}; returns how many ran. */
  long runUntil(long deadlineNanos) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long done = 0;
    while (ticker.nanos() < deadlineNanos) {
      int dice = random.nextInt(100);
      long start = ticker.nanos();
      if (dice < 70) {
        operations.getStatus(
            top
                + "/"
                + MixedTree.folderName(random.nextInt(folders))
                + "/"
                + MixedTree.fileName(random.nextInt(filesPerFolder)));
      } else if (dice < 90) {
        operations.listStatus(top + "/" + MixedTree.folderName(random.nextInt(folders)));
      } else {
        write();
      }
      record(ticker.nanos() - start);
      done++;
    }
    return done;
  }

  /** create, then rename, then delete the thread's current file. */
  private void write() throws Exception {
    String created = ownFolder + "/new-" + written;
    String renamed = ownFolder + "/moved-" + written;
    switch (writeStep) {
      case 0 -> operations.create(created);
      case 1 -> operations.rename(created, renamed);
      default -> {
        operations.delete(renamed);
        written++;
      }
    }
    writeStep = (writeStep + 1) % 3;
  }

  /** Finishes a write cycle left half done, so the next round starts from the same tree. */
  void finish() throws Exception {
    while (writeStep != 0) {
      write();
    }
  }

  private void record(long nanos) {
    if (count == latencies.length) {
      latencies = Arrays.copyOf(latencies, count * 2);
    }
    latencies[count++] = nanos;
  }

  long[] latencies() {
    return latencies;
  }

  int count() {
    return count;
  }
}
