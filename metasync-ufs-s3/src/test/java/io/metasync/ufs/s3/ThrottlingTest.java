package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling (503 SlowDown) is retried by the SDK with back-off, and surfaces as a failure, never
 * as absence, once the attempts are spent. A hand-made HTTP server plays a throttling S3: no real
 * server can be made to throttle on demand.
 */
class ThrottlingTest {
  private static final String SLOW_DOWN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message></Error>";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int throttledRequests;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (requests.incrementAndGet() <= throttledRequests) {
      byte[] body =
          exchange.getRequestMethod().equals("HEAD") ? new byte[0] : SLOW_DOWN.getBytes(UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/xml");
      exchange.sendResponseHeaders(503, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } else {
      exchange.sendResponseHeaders(200, -1);
    }
    exchange.close();
  }

  private Map<String, String> options() {
    return Map.of(
        "s3.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
        "s3.path.style.access", "true",
        "s3.access.key", "a",
        "s3.secret.key", "s");
  }

  @Test
  void throttledRequestsAreRetriedUntilTheyPass() throws IOException {
    throttledRequests = 2;

    try (UnderFileSystem ufs =
        new S3UnderFileSystemFactory().create(URI.create("s3://b/p"), options())) {
      assertThat(ufs.rootUri()).hasToString("s3://b/p");
    }
    assertThat(requests.get())
        .isEqualTo(3); // two throttled HeadBucket attempts, then one that passed
  }

  @Test
  void throttlingThatLastsIsAFailureAfterTheAttemptsAreSpent() {
    throttledRequests = Integer.MAX_VALUE;

    assertThatThrownBy(
            () -> new S3UnderFileSystemFactory().create(URI.create("s3://b/p"), options()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("503");
    assertThat(requests.get()).isEqualTo(3); // the standard retry strategy's three attempts
  }
}
