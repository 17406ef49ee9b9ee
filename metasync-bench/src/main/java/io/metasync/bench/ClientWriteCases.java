package io.metasync.bench;

import io.metasync.bench.WriteSlices.Case;
import io.metasync.bench.WriteSlices.Prepare;
import io.metasync.bench.WriteSlices.Side;
import io.metasync.bench.WriteSlices.Write;
import io.metasync.client.MetasyncClient;
import io.metasync.hadoop.MetasyncFileSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The writes a job makes, side by side with the same calls on the UFS directly: a 1 MiB create, a
 * rename and a delete, through the Java client and through {@code metasync://} (Hadoop's {@code
 * FileSystem} API, as Spark writes), from 1 and 8 threads. A rename moves one file back and forth
 * in its thread's folder; a delete slice deletes files prepared before the clock starts (on both
 * sides the same number, {@link #DELETED_FILES} split among the threads), so it may end before its
 * time when the direct side is fast.
 */
final class ClientWriteCases {
  static final int DELETED_FILES = 16_000;
  private static final String CREATE = "create 1 MiB";
  private static final String RENAME = "rename";
  private static final String DELETE = "delete";
  private static final String HADOOP = ", metasync://";

  private ClientWriteCases() {}

  /** {@code ops} followed by the operations these cases name, for the notes under the table. */
  static List<String> withOps(List<String> ops) {
    List<String> all = new ArrayList<>(ops);
    for (String op : List.of(CREATE, RENAME, DELETE)) {
      all.add(op);
      all.add(op + HADOOP);
    }
    return all;
  }

  static void compare(
      WriteSlices slices, BenchMaster master, Fixtures fixtures, DirectWrites direct, String ufs)
      throws Exception {
    byte[] content = new byte[1 << 20];
    new Random(1).nextBytes(content);
    MetasyncClient client = master.client().withOptions(BenchMaster.CACHED);
    Configuration conf = new Configuration(false);
    conf.set("metasync.user.file.metadata.sync.interval", "-1");
    URI uri = URI.create(MetasyncFileSystem.SCHEME + "://localhost:" + master.rpcPort() + "/");
    try (FileSystem hadoop = FileSystem.newInstance(uri, conf)) {
      for (int threads : WritesScenario.THREADS) {
        int deletes = DELETED_FILES / threads;
        Prepare folder = name -> client.createDirectory(name, true);
        Prepare withFile =
            name -> {
              client.createDirectory(name, true);
              client.createFile(name + "/r0", new ByteArrayInputStream(new byte[0]));
            };
        Prepare withFiles =
            name -> {
              client.createDirectory(name, true);
              createLocally(fixtures, name, deletes);
              // the files were made behind the master's back: one listing takes them in
              master
                  .client()
                  .withOptions(BenchMaster.ALWAYS_SYNC)
                  .loadMetadata(name, false, progress -> {});
            };
        Side createDirectly =
            new Side(locally(fixtures, 0), (f, i) -> direct.createFile(f + "/c" + i, content));
        Side renameDirectly =
            new Side(locally(fixtures, -1), (f, i) -> direct.rename(from(f, i), to(f, i)));
        Side deleteDirectly =
            new Side(locally(fixtures, deletes), (f, i) -> direct.delete(f + "/x" + i), deletes);

        slices.compare(
            new Case(CREATE, ufs, threads, "createFile vs " + direct.name()),
            new Side(
                folder,
                (f, i) -> client.createFile(f + "/c" + i, new ByteArrayInputStream(content))),
            createDirectly);
        slices.compare(
            new Case(RENAME, ufs, threads, "rename vs " + direct.name()),
            new Side(withFile, (f, i) -> client.rename(from(f, i), to(f, i))),
            renameDirectly);
        slices.compare(
            new Case(DELETE, ufs, threads, "delete vs " + direct.name()),
            new Side(withFiles, (f, i) -> client.delete(f + "/x" + i, false), deletes),
            deleteDirectly);

        Write hadoopCreate =
            (f, i) -> {
              try (OutputStream out = hadoop.create(new Path(f + "/c" + i))) {
                out.write(content);
              }
            };
        slices.compare(
            new Case(CREATE + HADOOP, ufs, threads, "FileSystem.create vs " + direct.name()),
            new Side(folder, hadoopCreate),
            createDirectly);
        slices.compare(
            new Case(RENAME + HADOOP, ufs, threads, "FileSystem.rename vs " + direct.name()),
            new Side(
                withFile, (f, i) -> check(hadoop.rename(new Path(from(f, i)), new Path(to(f, i))))),
            renameDirectly);
        slices.compare(
            new Case(DELETE + HADOOP, ufs, threads, "FileSystem.delete vs " + direct.name()),
            new Side(
                withFiles, (f, i) -> check(hadoop.delete(new Path(f + "/x" + i), false)), deletes),
            deleteDirectly);
      }
    }
  }

  /** The moved file's name before the {@code index}-th rename: r0 and r1 in turn. */
  private static String from(String folder, int index) {
    return folder + "/r" + (index % 2);
  }

  private static String to(String folder, int index) {
    return folder + "/r" + ((index + 1) % 2);
  }

  /**
   * Readies a direct side's folder: with {@code files} empty files x0, x1, ... to delete, or with
   * {@code files} -1, the one file r0 to rename.
   */
  private static Prepare locally(Fixtures fixtures, int files) {
    return name -> {
      Files.createDirectories(fixtures.local(name));
      if (files < 0) {
        Files.createFile(fixtures.local(name + "/r0"));
      } else {
        createLocally(fixtures, name, files);
      }
    };
  }

  private static void createLocally(Fixtures fixtures, String folder, int files)
      throws IOException {
    for (int i = 0; i < files; i++) {
      Files.createFile(fixtures.local(folder + "/x" + i));
    }
  }

  /** A Hadoop call that answered false failed here: the figures would be of nothing done. */
  private static void check(boolean done) throws IOException {
    if (!done) {
      throw new IOException("a Hadoop write answered false");
    }
  }
}
