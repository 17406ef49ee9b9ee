package io.metasync.ufs.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real s3proxy per test class (in memory, on a free port), with a bucket, and a fresh prefix of
 * it for each UFS a test opens.
 */
final class S3ProxyFixture implements AutoCloseable {
  static final String BUCKET = "test";

  private final S3ProxyServer server;
  private final AtomicInteger prefixes = new AtomicInteger();

  private S3ProxyFixture(S3ProxyServer server) {
    this.server = server;
  }

  static S3ProxyFixture start() throws IOException {
    String jar = System.getProperty("metasync.test.s3proxy.jar");
    if (jar == null) {
      throw new IllegalStateException(
          "metasync.test.s3proxy.jar is not set: run the tests with Maven, which copies s3proxy");
    }
    Path log = Files.createTempFile("s3proxy-test-", ".log");
    S3ProxyServer server =
        S3ProxyServer.start(
            new S3ProxyServer.Settings(
                Path.of(jar), 0, Optional.empty(), "test-access", "test-secret", log));
    server.createBucket(BUCKET);
    return new S3ProxyFixture(server);
  }

  S3ProxyServer server() {
    return server;
  }

  /** A URI of a prefix that no other test uses. */
  URI freshRoot() {
    return URI.create("s3://" + BUCKET + "/t-" + prefixes.incrementAndGet());
  }

  Map<String, String> options() {
    return server.mountOptions();
  }

  Map<String, String> options(String key, String value) {
    Map<String, String> options = new HashMap<>(server.mountOptions());
    options.put(key, value);
    return options;
  }

  S3UnderFileSystem open(URI root, Map<String, String> options) throws IOException {
    return (S3UnderFileSystem) new S3UnderFileSystemFactory().create(root, options);
  }

  @Override
  public void close() {
    server.close();
  }
}
