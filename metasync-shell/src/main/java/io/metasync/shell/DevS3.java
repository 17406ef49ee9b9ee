package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.s3.S3ProxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for trying S3 mounts: s3proxy, run as its own process on loopback,
 * with its objects as files under one folder (kept across restarts) and one bucket. Its keys are
 * fixed and printed: it listens on loopback only, for one developer.
 *
 * <p>While it runs it holds {@value #LOCK_FILE} in its folder, so a second dev-s3 on that folder is
 * refused.
 */
final class DevS3 implements AutoCloseable {
  static final String LOCK_FILE = "dev-s3.lock";
  static final String ACCESS_KEY = "dev-access";
  static final String SECRET_KEY = "dev-secret";

  /** Where the build puts s3proxy's jar-with-dependencies (see metasync-shell's pom). */
  static final String JAR = "metasync-shell/target/s3proxy/s3proxy.jar";

  private final S3ProxyServer server;
  private final PidLockFile lock;
  private final String bucket;

  private DevS3(S3ProxyServer server, PidLockFile lock, String bucket) {
    this.server = requireNonNull(server, "server is null");
    this.lock = requireNonNull(lock, "lock is null");
    this.bucket = requireNonNull(bucket, "bucket is null");
  }

  /**
   * Starts s3proxy on {@code port} (0: any free one) with its objects under {@code folder}, and
   * makes {@code bucket} unless it exists.
   *
   * @throws MetasyncException FAILED_PRECONDITION when another dev-s3 uses the folder;
   *     INVALID_ARGUMENT for a port out of range; UNAVAILABLE when the port is taken; INTERNAL when
   *     s3proxy does not start (its log's last line says why)
   */
  static DevS3 start(Path jar, int port, Path folder, String bucket) throws IOException {
    if (port < 0 || port > 65_535) {
      throw MetasyncException.invalidArgument(
          "--port " + port + " is not a port: give one from 1 to 65535 (0: any free one)");
    }
    refuseTakenPort(port);
    Path absolute = folder.toAbsolutePath().normalize();
    Files.createDirectories(absolute);
    PidLockFile lock =
        PidLockFile.acquire(
            absolute.resolve(LOCK_FILE),
            holder ->
                "the folder "
                    + absolute
                    + " is in use by another dev-s3 ("
                    + holder
                    + "); stop that one, or choose another folder with --dir");
    S3ProxyServer server = null;
    try {
      server =
          S3ProxyServer.start(
              new S3ProxyServer.Settings(
                  jar,
                  port,
                  Optional.of(absolute.resolve("objects")),
                  ACCESS_KEY,
                  SECRET_KEY,
                  absolute.resolve("s3proxy.log")));
      server.createBucket(bucket);
      return new DevS3(server, lock, bucket);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      lock.close();
      if (e instanceof MetasyncException refusal) {
        throw refusal;
      }
      throw new MetasyncException(
          ErrorCode.INTERNAL, "s3proxy did not start in " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** A client of the server, for tools and tests that change objects behind metasync's back. */
  S3Client newClient() {
    return server.newClient();
  }

  URI endpoint() {
    return server.endpoint();
  }

  String bucket() {
    return bucket;
  }

  /** The arguments of {@code fs mount} for the bucket at {@code namespacePath}. */
  List<String> mountArguments(String namespacePath) {
    return List.of(
        "mount",
        "--option",
        "s3.endpoint=" + endpoint(),
        "--option",
        "s3.path.style.access=true",
        "--option",
        "s3.access.key=" + ACCESS_KEY,
        "--option",
        "s3.secret.key=" + SECRET_KEY,
        namespacePath,
        "s3://" + bucket + "/");
  }

  /** curl's own S3 signing, which puts, gets and deletes objects with no other tool installed. */
  String curlOptions() {
    return "--aws-sigv4 aws:amz:us-east-1:s3 --user "
        + ACCESS_KEY
        + ":"
        + SECRET_KEY
        + " -H x-amz-content-sha256:UNSIGNED-PAYLOAD";
  }

  /** Stops s3proxy and releases the folder; deletes nothing. */
  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      lock.close();
    }
  }

  private static void refuseTakenPort(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "cannot listen on 127.0.0.1:"
              + port
              + ": the port is in use (by another dev-s3?); choose another with --port",
          e);
    }
  }
}
