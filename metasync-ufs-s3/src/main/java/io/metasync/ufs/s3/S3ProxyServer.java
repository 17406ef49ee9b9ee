package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.metasync.common.CauseChain;
import io.metasync.common.Ticker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * A real S3-compatible server, s3proxy (from its {@code jar-with-dependencies}), run as its own
 * process on loopback: for {@code bin/metasync dev-s3} and for tests. Its objects live in a folder
 * (the {@code filesystem-nio2} backend, kept across restarts) or in memory ({@code
 * transient-nio2}). It checks AWS signatures with the keys it was given.
 */
public final class S3ProxyServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String LOOPBACK = "127.0.0.1";

  /**
   * @param jar s3proxy's {@code jar-with-dependencies}
   * @param port the port to listen on; 0 for any free one
   * @param folder where objects live; empty to keep them in memory
   * @param log where the server's own output goes
   */
  public record Settings(
      Path jar, int port, Optional<Path> folder, String accessKey, String secretKey, Path log) {
    public Settings {
      requireNonNull(jar, "jar is null");
      requireNonNull(folder, "folder is null");
      requireNonNull(accessKey, "accessKey is null");
      requireNonNull(secretKey, "secretKey is null");
      requireNonNull(log, "log is null");
    }
  }

  private final Process process;
  private final Settings settings;
  private final int port;

  private S3ProxyServer(Process process, Settings settings, int port) {
    this.process = process;
    this.settings = settings;
    this.port = port;
  }

  /**
   * Starts the server and waits until it accepts connections.
   *
   * @throws IOException when the jar is missing, or the server exits or does not answer in time;
   *     the message quotes the last line of its log
   */
  public static S3ProxyServer start(Settings settings) throws IOException {
    if (!Files.isRegularFile(settings.jar())) {
      throw new IOException(
          "s3proxy's jar "
              + settings.jar()
              + " is missing; build the project (mvn package) to fetch it from Maven Central");
    }
    int port = settings.port() == 0 ? freePort() : settings.port();
    Path properties = Files.createTempFile("s3proxy-", ".properties");
    Files.writeString(properties, properties(settings, port), UTF_8);
    properties.toFile().deleteOnExit();
    if (settings.folder().isPresent()) {
      Files.createDirectories(settings.folder().get());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(
        List.of("-jar", settings.jar().toString(), "--properties", properties.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(settings.log().toFile())
            .start();
    S3ProxyServer server = new S3ProxyServer(process, settings, port);
    try {
      server.awaitListening();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static String properties(Settings settings, int port) {
    StringBuilder text = new StringBuilder();
    text.append("s3proxy.endpoint=http://" + LOOPBACK + ":" + port + "\n");
    text.append("s3proxy.authorization=aws-v2-or-v4\n");
    text.append("s3proxy.identity=" + settings.accessKey() + "\n");
    text.append("s3proxy.credential=" + settings.secretKey() + "\n");
    // s3proxy refuses to start without these, although the local backends use no credentials
    text.append("jclouds.identity=" + settings.accessKey() + "\n");
    text.append("jclouds.credential=" + settings.secretKey() + "\n");
    if (settings.folder().isPresent()) {
      text.append("jclouds.provider=filesystem-nio2\n");
      String folder = settings.folder().get().toAbsolutePath().toString();
      text.append("jclouds.filesystem.basedir=" + folder.replace("\\", "\\\\") + "\n");
    } else {
      text.append("jclouds.provider=transient-nio2\n");
    }
    return text.toString();
  }

  private void awaitListening() throws IOException {
    Ticker ticker = Ticker.system();
    long deadline = ticker.nanos() + START_TIMEOUT.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
        return;
      } catch (IOException notYet) {
        // not listening yet: wait below, unless it exited or took too long
      }
      try {
        if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
          throw new IOException(
              "s3proxy exited with status "
                  + process.exitValue()
                  + " before it listened on port "
                  + port
                  + ": "
                  + lastLogLine());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while s3proxy started");
      }
      if (ticker.nanos() - deadline > 0) {
        throw new IOException(
            "s3proxy did not listen on port "
                + port
                + " within "
                + START_TIMEOUT
                + ": "
                + lastLogLine());
      }
    }
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(settings.log(), UTF_8);
      return lines.isEmpty()
          ? "(its log " + settings.log() + " is empty)"
          : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "(cannot read its log " + settings.log() + ": " + CauseChain.describe(e) + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  public URI endpoint() {
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return settings.accessKey();
  }

  public String secretKey() {
    return settings.secretKey();
  }

  /** The {@code --option}s of an s3:// mount of this server. */
  public Map<String, String> mountOptions() {
    return Map.of(
        S3MountOptions.ENDPOINT, endpoint().toString(),
        S3MountOptions.PATH_STYLE_ACCESS, "true",
        S3MountOptions.ACCESS_KEY, settings.accessKey(),
        S3MountOptions.SECRET_KEY, settings.secretKey());
  }

  /** A client of this server, for tests and tools that change it behind metasync's back. */
  public S3Client newClient() {
    return S3Clients.create(S3MountOptions.parse(mountOptions()));
  }

  /** Creates {@code bucket}; one that exists already is kept. */
  public void createBucket(String bucket) throws IOException {
    try (S3Client client = newClient()) {
      client.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // kept from an earlier run on the same folder
    } catch (SdkException e) {
      throw S3Errors.translate(e, "s3://" + bucket);
    }
  }

  /** Stops the server; its folder keeps the objects. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
