package io.metasync.ufs.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The names of one folder in {@link String#compareTo} order, with memory bounded by the run size
 * however many names there are: names are read in runs of {@code runSize}, each run is sorted, and
 * when a folder has more than one run every full run is written to a temporary file (names as
 * {@link DataOutputStream#writeUTF}, which round-trips any Java string) and the runs are merged
 * lazily as the names are taken. A folder that fits in one run never touches the disk. The
 * temporary files are deleted on {@link #close} and when reading fails.
 */
final class SortedNames implements Closeable {
  /** 256k names of about 50 bytes each: about 13 MB of heap per listing being read. */
  static final int DEFAULT_RUN_SIZE = 256 * 1024;

  private static final int FILE_BUFFER_BYTES = 16 * 1024;

  private final List<Path> runFiles;
  private final List<Closeable> openRuns = new ArrayList<>();
  private final PriorityQueue<Run> heads = new PriorityQueue<>((a, b) -> a.head.compareTo(b.head));

  private SortedNames(List<Path> runFiles) {
    this.runFiles = runFiles;
  }

  /**
   * Reads every name of {@code names}, spilling sorted runs to {@code spillFolder} beyond the
   * first.
   *
   * @throws IOException from {@code names} or from writing the runs; no temporary file is left
   * @throws UncheckedIOException from {@code names}' iterator, as a {@code DirectoryStream} throws
   *     it; no temporary file is left
   */
  static SortedNames read(Iterator<String> names, int runSize, Path spillFolder)
      throws IOException {
    List<Path> runFiles = new ArrayList<>();
    SortedNames sorted = new SortedNames(runFiles);
    try {
      // grows with the folder up to one run, so a small folder costs only its own names
      List<String> run = new ArrayList<>();
      while (names.hasNext()) {
        if (run.size() == runSize) {
          Collections.sort(run);
          runFiles.add(spill(run, spillFolder));
          run.clear();
        }
        run.add(names.next());
      }
      Collections.sort(run);
      sorted.add(new Run(run.iterator(), null));
      for (Path file : runFiles) {
        DataInputStream in =
            new DataInputStream(
                new BufferedInputStream(Files.newInputStream(file), FILE_BUFFER_BYTES));
        sorted.openRuns.add(in);
        sorted.add(new Run(null, in));
      }
      return sorted;
    } catch (IOException | RuntimeException | Error e) {
      sorted.closeQuietly(e);
      throw e;
    }
  }

  private static Path spill(List<String> run, Path spillFolder) throws IOException {
    Path file = Files.createTempFile(spillFolder, "metasync-listing-", ".names");
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER_BYTES))) {
      out.writeInt(run.size());
      for (String name : run) {
        out.writeUTF(name);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /** How many runs were written to temporary files (0 when the folder fitted in one run). */
  int spilledRuns() {
    return runFiles.size();
  }

  boolean hasNext() {
    return !heads.isEmpty();
  }

  /**
   * @throws IOException when a spilled run cannot be read back
   */
  String next() throws IOException {
    Run smallest = heads.poll();
    if (smallest == null) {
      throw new NoSuchElementException("no more names");
    }
    String name = smallest.head;
    add(smallest);
    return name;
  }

  /** Advances {@code run} and queues it again unless it is exhausted. */
  private void add(Run run) throws IOException {
    if (run.advance()) {
      heads.add(run);
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Closeable run : openRuns) {
      try {
        run.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    openRuns.clear();
    heads.clear();
    for (Path file : runFiles) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    runFiles.clear();
    if (first != null) {
      throw first;
    }
  }

  private void closeQuietly(Throwable failure) {
    try {
      close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** One sorted run, from memory or from its file; {@code head} is its smallest name not taken. */
  private static final class Run {
    private final Iterator<String> inMemory;
    private final DataInputStream file;
    private int remaining;
    private boolean started;
    String head;

    Run(Iterator<String> inMemory, DataInputStream file) {
      this.inMemory = inMemory;
      this.file = file;
    }

    boolean advance() throws IOException {
      if (inMemory != null) {
        head = inMemory.hasNext() ? inMemory.next() : null;
        return head != null;
      }
      if (!started) {
        started = true;
        remaining = file.readInt();
      }
      if (remaining == 0) {
        head = null;
        return false;
      }
      remaining--;
      try {
        head = file.readUTF();
      } catch (EOFException e) {
        throw new IOException("a temporary run of names ended early: " + e.getMessage(), e);
      }
      return true;
    }
  }
}
