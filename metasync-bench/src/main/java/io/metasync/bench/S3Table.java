package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import io.metasync.common.Ticker;
import io.metasync.ufs.s3.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3} scenario's fixture: s3proxy in its own process with its objects as files under
 * {@code --dir}, and a partitioned table under {@code s3://bench/table/}: {@code part=NNNN/}
 * folders of small objects. Made once and reused while its marker file says it is complete.
 */
final class S3Table implements AutoCloseable {
  static final String BUCKET = "bench";
  static final String PREFIX = "table";

  /** Where {@code bench/run}'s build copies s3proxy's jar-with-dependencies (the module's POM). */
  private static final Path JAR = Path.of("metasync-bench/target/s3proxy/s3proxy.jar");

  private static final int PUT_THREADS = 8;

  private final S3ProxyServer server;
  private final int folders;
  private final int filesPerFolder;
  private String creation = "reused from an earlier run";

  private S3Table(S3ProxyServer server, int folders, int filesPerFolder) {
    this.server = requireNonNull(server, "server is null");
    this.folders = folders;
    this.filesPerFolder = filesPerFolder;
  }

  static S3Table start(Path folder, int folders, int filesPerFolder, Ticker ticker)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path jar = jar();
    S3ProxyServer server =
        S3ProxyServer.start(
            new S3ProxyServer.Settings(
                jar,
                0,
                Optional.of(folder.resolve("objects")),
                "bench-access",
                "bench-secret",
                folder.resolve("s3proxy.log")));
    S3Table table = new S3Table(server, folders, filesPerFolder);
    // a run stopped with Ctrl-C or kill skips close(): s3proxy, its own process, would stay
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
    try {
      server.createBucket(BUCKET);
      table.prepare(
          folder.resolve("table-" + folders + "x" + filesPerFolder + ".complete"), ticker);
    } catch (IOException | InterruptedException | RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  private static Path jar() {
    // bench/run starts the JVM in the project's root; a run from elsewhere names the jar itself
    String given = System.getProperty("metasync.bench.s3proxy.jar");
    return given != null ? Path.of(given) : JAR.toAbsolutePath();
  }

  private void prepare(Path marker, Ticker ticker) throws IOException, InterruptedException {
    if (Files.exists(marker)) {
      return;
    }
    long start = ticker.nanos();
    AtomicLong done = new AtomicLong();
    ExecutorService puts = Executors.newFixedThreadPool(PUT_THREADS);
    try (S3Client client = server.newClient()) {
      List<Future<?>> results = new ArrayList<>();
      for (int thread = 0; thread < PUT_THREADS; thread++) {
        int first = thread;
        results.add(
            puts.submit(
                () -> {
                  for (int f = first; f < folders; f += PUT_THREADS) {
                    for (int i = 0; i < filesPerFolder; i++) {
                      String key = key(f, i);
                      client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
                      long count = done.incrementAndGet();
                      if (count % 10_000 == 0) {
                        Progress.log("s3: %,d objects put", count);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("cannot put the table's objects: " + e.getCause(), e.getCause());
    } finally {
      puts.shutdownNow();
    }
    double seconds = (ticker.nanos() - start) / 1e9;
    creation =
        String.format(
            Locale.ROOT,
            "created in %.1f s (%,.0f PUTs/s, %d threads)",
            seconds,
            objects() / seconds,
            PUT_THREADS);
    Files.writeString(marker, creation + "\n");
  }

  private static String key(int folder, int file) {
    return String.format(Locale.ROOT, "%s/part=%04d/f-%03d.parquet", PREFIX, folder, file);
  }

  S3ProxyServer server() {
    return server;
  }

  URI uri() {
    return URI.create("s3://" + BUCKET + "/" + PREFIX);
  }

  long objects() {
    return (long) folders * filesPerFolder;
  }

  int folders() {
    return folders;
  }

  /** How the table came to be, for the notes under the results. */
  String creation() {
    return creation;
  }

  @Override
  public void close() {
    server.close();
  }
}
