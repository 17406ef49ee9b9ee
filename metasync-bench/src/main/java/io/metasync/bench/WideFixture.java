package io.metasync.bench;

import io.metasync.common.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local tree of the {@code wide} scenario: {@code files} empty files, either in one folder
 * ({@code /wide-N}, {@code folders} = 1) or spread evenly over {@code folders} subfolders of one
 * folder ({@code /tree-FxM}, a table-like tree). Kept under the scenario's folder and reused while
 * its marker file says it is complete: creating 10,000,000 files takes minutes.
 *
 * @param ufsRoot the folder mounted at the master's root
 * @param files files in all
 * @param folders subfolders holding them; 1 puts every file straight into the top folder
 */
record WideFixture(Path ufsRoot, long files, int folders) {
  private static final int CREATE_THREADS = 4;

  WideFixture {
    if (files < 1 || folders < 1 || files % folders != 0) {
      throw new IllegalArgumentException(
          "--files (" + files + ") must be a positive multiple of --folders (" + folders + ")");
    }
  }

  /** The namespace path of the top folder. */
  String path() {
    return folders == 1 ? "/wide-" + files : "/tree-" + folders + "x" + filesPerFolder();
  }

  long filesPerFolder() {
    return files / folders;
  }

  /** Entries a raw recursive listing of the top folder finds: files, and subfolders if any. */
  long entries() {
    return folders == 1 ? files : files + folders;
  }

  /** Inodes of a master that loaded the tree: the entries, the top folder and the root. */
  long inodes() {
    return entries() + 2;
  }

  /** The namespace path of file {@code index} (0 to {@code files} - 1). */
  String filePath(long index) {
    if (folders == 1) {
      return path() + "/" + fileName(index);
    }
    return path()
        + "/"
        + folderName(index / filesPerFolder())
        + "/"
        + fileName(index % filesPerFolder());
  }

  Path top() {
    return ufsRoot.resolve(path().substring(1));
  }

  /** Milliseconds of a raw listing of the tree with attributes (nio, one thread). */
  double rawListing(Ticker ticker) throws IOException {
    long start = ticker.nanos();
    long count = folders == 1 ? LocalListing.listFolder(top()) : LocalListing.walkTree(top());
    Listings.check("raw listing of " + top(), count, entries());
    return (ticker.nanos() - start) / 1e6;
  }

  /** Creates the tree unless its marker says it is there (a different shape is replaced). */
  void prepare(Ticker ticker) throws Exception {
    Path marker = ufsRoot.getParent().resolve(top().getFileName() + ".complete");
    String spec = files + " files in " + folders + " folders\n";
    if (Files.exists(marker) && Files.readString(marker).equals(spec) && Files.isDirectory(top())) {
      Progress.log("wide: reusing %s", top());
      return;
    }
    Files.deleteIfExists(marker);
    FolderDeletion.delete(top());
    Files.createDirectories(top());
    long start = ticker.nanos();
    AtomicLong created = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CREATE_THREADS);
    try {
      // each thread takes every CREATE_THREADS-th folder (or slice of the one folder)
      int slices = folders == 1 ? CREATE_THREADS : folders;
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < CREATE_THREADS; t++) {
        int first = t;
        tasks.add(
            pool.submit(
                () -> {
                  for (int slice = first; slice < slices; slice += CREATE_THREADS) {
                    createSlice(slice, slices, created);
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Files.writeString(marker, spec);
    Progress.log("wide: created %,d files in %.1f s", files, (ticker.nanos() - start) / 1e9);
  }

  private void createSlice(int slice, int slices, AtomicLong created) {
    try {
      Path folder = top();
      long from;
      long to;
      if (folders == 1) {
        from = files * slice / slices;
        to = files * (slice + 1) / slices;
      } else {
        folder = Files.createDirectory(top().resolve(folderName(slice)));
        from = 0;
        to = filesPerFolder();
      }
      for (long i = from; i < to; i++) {
        Files.createFile(folder.resolve(fileName(i)));
        long done = created.incrementAndGet();
        if (done % 500_000 == 0) {
          Progress.log("wide: created %,d of %,d files", done, files);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fileName(long index) {
    return String.format(Locale.ROOT, "f%09d", index);
  }

  static String folderName(long index) {
    return String.format(Locale.ROOT, "d%06d", index);
  }
}
