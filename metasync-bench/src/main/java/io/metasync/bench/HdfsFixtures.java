package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import io.metasync.common.Ticker;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.crypto.CryptoProtocolVersion;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.io.EnumSetWritable;
import org.apache.hadoop.metrics2.lib.MutableCounterLong;

/**
 * The HDFS side of the hdfs scenarios: one MiniDFSCluster ({@link MiniHdfs}) for the whole group,
 * holding under {@code /bench} a folder of {@code wideWidth} empty files and a table-like tree of
 * {@code treeFolders} partition folders of {@code treeFiles} empty files. Kept in {@code DIR/hdfs}
 * with {@code --dir} and reused by the next run (the cluster restarts on the same folder without
 * formatting), when a marker in HDFS says the fixtures are complete and of the same sizes.
 */
final class HdfsFixtures implements AutoCloseable {
  /** The HDFS folder that masters mount. */
  static final String ROOT = "/bench";

  private static final String MARKER = ROOT + "/.complete";
  static final int CREATE_THREADS = 32;

  private final MiniHdfs cluster;
  private final int wideWidth;
  private final int treeFolders;
  private final int treeFiles;
  private final int scale;
  private final Ticker ticker;
  private Duration creationTime = Duration.ZERO;
  private boolean reused;

  private HdfsFixtures(MiniHdfs cluster, int scale, Ticker ticker) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.wideWidth = 100_000 / scale;
    this.treeFolders = 1_000 / scale;
    this.treeFiles = 100;
    this.scale = scale;
    this.ticker = ticker;
  }

  /** Starts the cluster in {@code folder} and creates the fixtures unless they are there. */
  static HdfsFixtures start(java.nio.file.Path folder, int scale, Ticker ticker) throws Exception {
    String spec = spec(scale);
    java.nio.file.Path localMarker = folder.resolve("hdfs-fixtures.complete");
    boolean reuse =
        Files.exists(localMarker)
            && new String(Files.readAllBytes(localMarker), StandardCharsets.UTF_8).equals(spec);
    if (!reuse && Files.exists(folder)) {
      FolderDeletion.delete(folder);
    }
    Files.createDirectories(folder);
    long start = ticker.nanos();
    MiniHdfs cluster;
    try {
      cluster = MiniHdfs.start(folder.resolve("cluster"), !reuse);
    } catch (IOException e) {
      if (!reuse) {
        throw e;
      }
      Progress.log("hdfs: cannot restart the cluster in %s (%s): formatting it", folder, e);
      reuse = false;
      Files.deleteIfExists(localMarker);
      FolderDeletion.delete(folder.resolve("cluster"));
      cluster = MiniHdfs.start(folder.resolve("cluster"), true);
    }
    Progress.log(
        "hdfs: MiniDFSCluster %s at %s in %.1f s",
        reuse ? "restarted on its data" : "formatted and started",
        cluster.uri(),
        (ticker.nanos() - start) / 1e9);
    HdfsFixtures fixtures = new HdfsFixtures(cluster, scale, ticker);
    try {
      DistributedFileSystem fs = cluster.client();
      if (reuse && fs.exists(new Path(MARKER)) && readMarker(fs).equals(spec)) {
        fixtures.reused = true;
        Progress.log("hdfs: reusing the fixtures under %s", ROOT);
      } else {
        Files.deleteIfExists(localMarker);
        fixtures.create();
        Files.write(localMarker, spec.getBytes(StandardCharsets.UTF_8));
      }
    } catch (Exception e) {
      fixtures.close();
      throw e;
    }
    return fixtures;
  }

  private static String spec(int scale) {
    return "wide " + 100_000 / scale + ", tree " + 1_000 / scale + "x100\n";
  }

  private static String readMarker(DistributedFileSystem fs) throws IOException {
    try (FSDataInputStream in = fs.open(new Path(MARKER))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Creates the files the fastest way found: straight through the client's NameNode protocol, one
   * {@code create} and one {@code complete} call per empty file (no output stream, so no streamer
   * thread and no lease renewal per file), from {@value #CREATE_THREADS} threads.
   */
  private void create() throws Exception {
    DistributedFileSystem fs = cluster.client();
    fs.delete(new Path(ROOT), true);
    long start = ticker.nanos();
    fs.mkdirs(new Path(ROOT + widePath()));
    fs.mkdirs(new Path(ROOT + treePath()));
    for (int i = 0; i < treeFolders; i++) {
      fs.mkdirs(new Path(ROOT + treePath() + "/" + Fixtures.folderName(i)));
    }
    List<String> files = new ArrayList<>(fileCount());
    for (int i = 0; i < wideWidth; i++) {
      files.add(ROOT + widePath() + "/" + Fixtures.fileName(i));
    }
    for (int i = 0; i < treeFolders; i++) {
      for (int j = 0; j < treeFiles; j++) {
        files.add(treeFile(i, j, ROOT));
      }
    }
    Progress.log(
        "hdfs: creating %,d empty files in %,d folders (%d threads, create + complete calls)",
        files.size(), treeFolders + 2, CREATE_THREADS);
    DFSClient client = fs.getClient();
    ClientProtocol nameNode = client.getNamenode();
    String clientName = client.getClientName();
    FsPermission permission = new FsPermission((short) 0644);
    EnumSetWritable<CreateFlag> flags = new EnumSetWritable<>(EnumSet.of(CreateFlag.CREATE));
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CREATE_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < CREATE_THREADS; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < files.size(); i += CREATE_THREADS) {
                    String file = files.get(i);
                    HdfsFileStatus status =
                        nameNode.create(
                            file,
                            permission,
                            clientName,
                            flags,
                            false,
                            (short) 1,
                            128L << 20,
                            CryptoProtocolVersion.supported(),
                            null,
                            null);
                    if (!nameNode.complete(file, clientName, null, status.getFileId())) {
                      throw new IOException("HDFS did not complete " + file);
                    }
                    long n = done.incrementAndGet();
                    if (n % 20_000 == 0) {
                      Progress.log("hdfs: %,d of %,d files", n, files.size());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    creationTime = Duration.ofNanos(ticker.nanos() - start);
    try (OutputStream out = fs.create(new Path(MARKER), true)) {
      out.write(spec(scale).getBytes(StandardCharsets.UTF_8));
    }
    Progress.log(
        "hdfs: created %,d files in %.1f s (%,.0f files/s)",
        files.size(),
        creationTime.toMillis() / 1e3,
        files.size() / (creationTime.toMillis() / 1e3));
  }

  /** {@code hdfs://localhost:PORT/bench}: what masters mount. */
  URI rootUri() {
    return cluster.uri(ROOT);
  }

  /** A client of the cluster (its superuser), to create fixtures. */
  DistributedFileSystem admin() throws IOException {
    return cluster.client();
  }

  URI clusterUri() {
    return cluster.uri();
  }

  /** Below the mount or {@link #ROOT}: {@code /wide-100000}. */
  String widePath() {
    return "/wide-" + wideWidth;
  }

  /** Below the mount or {@link #ROOT}: {@code /tree-1000x100}. */
  String treePath() {
    return "/tree-" + treeFolders + "x" + treeFiles;
  }

  /** The path of file {@code file} of partition {@code folder}, below {@code prefix}. */
  String treeFile(int folder, int file, String prefix) {
    return prefix + treePath() + "/" + Fixtures.folderName(folder) + "/" + Fixtures.fileName(file);
  }

  int wideWidth() {
    return wideWidth;
  }

  int treeFolders() {
    return treeFolders;
  }

  int treeFiles() {
    return treeFiles;
  }

  int treeFileCount() {
    return treeFolders * treeFiles;
  }

  /** Entries below the tree's top: its folders and their files. */
  int treeEntries() {
    return treeFolders + treeFileCount();
  }

  int fileCount() {
    return wideWidth + treeFileCount();
  }

  Duration creationTime() {
    return creationTime;
  }

  boolean reused() {
    return reused;
  }

  /**
   * The NameNode's own count of the read calls the hdfs scenarios make ({@code getFileInfo} plus
   * {@code getListing}, every page counted), read from its metrics in this JVM: to check that both
   * sides of a case make the calls {@link NameNodeLatency} assumes.
   */
  static long nameNodeReadCalls() {
    try {
      Object metrics = NameNode.getNameNodeMetrics();
      return counter(metrics, "getListingOps") + counter(metrics, "fileInfoOps");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the NameNode's metrics", e);
    }
  }

  private static long counter(Object metrics, String name) throws ReflectiveOperationException {
    Field field = metrics.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return ((MutableCounterLong) field.get(metrics)).value();
  }

  /**
   * Stops the cluster, leaving its files for the next run (a temporary folder is removed anyway).
   */
  @Override
  public void close() {
    cluster.stopKeepingData();
  }
}
