package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.ufs.AbstractChangeFeedTest;
import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ExternalUfsWriter;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change feed contract for the S3 event feed, against a real S3 server changed by another
 * client that also sends the S3 event notifications S3 would send (no runnable S3 server here sends
 * them), in the AWS event message format, to the feed's endpoint.
 */
class S3EventChangeFeedTest extends AbstractChangeFeedTest {
  private static final String TOKEN = "a-shared-secret-of-the-test";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static S3ProxyFixture s3;
  private URI root;
  private S3ExternalWriter writer;
  private volatile int feedPort;

  @BeforeAll
  static void startServer() throws IOException {
    s3 = S3ProxyFixture.start();
  }

  @AfterAll
  static void stopServer() {
    if (s3 != null) {
      s3.close();
    }
  }

  @AfterEach
  void closeWriter() {
    if (writer != null) {
      writer.close();
    }
  }

  private Map<String, String> options(String reconcile) {
    Map<String, String> options = new HashMap<>(s3.options());
    options.put(S3MountOptions.EVENTS_PORT, "0");
    options.put(S3MountOptions.EVENTS_TOKEN, TOKEN);
    options.put(S3MountOptions.EVENTS_RECONCILE, reconcile);
    return options;
  }

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    root = s3.freshRoot();
    return s3.open(root, options("10min"));
  }

  @Override
  protected ExternalUfsWriter externalWriter() {
    writer =
        new S3ExternalWriter(
            s3.server().newClient(),
            S3ProxyFixture.BUCKET,
            root.getPath().substring(1) + "/",
            this::notifyFeed);
    return writer;
  }

  @Override
  protected ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom) throws IOException {
    ChangeFeed feed = ufs.openChangeFeed(resumeFrom, Duration.ofMillis(100));
    feedPort = ((S3EventChangeFeed) feed).port();
    return feed;
  }

  /** A rewrite in place (a mode kept in metadata) is an ObjectCreated event: CREATE and CONTENT. */
  @Override
  protected ChangeKind modeChangeKind() {
    return ChangeKind.CONTENT;
  }

  @Test
  void aSenderWithoutTheTokenIsRefusedAndChangesNothing() throws Exception {
    HttpResponse<String> response = post(event("ObjectCreated:Put", key("/w/f")), "Bearer wrong");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("s3.events.token");
    assertThat(recorder().pollOnce(Duration.ofMillis(100)).events()).isEmpty();
  }

  @Test
  void theTokenMayComeBareOrAsTheBasicAuthenticationPasswordOfAnSnsUrl() throws Exception {
    String basic =
        "Basic " + java.util.Base64.getEncoder().encodeToString(("sns:" + TOKEN).getBytes(UTF_8));
    String wrongBasic =
        "Basic " + java.util.Base64.getEncoder().encodeToString("sns:wrong".getBytes(UTF_8));

    assertThat(post(event("ObjectCreated:Put", key("/w/basic")), basic).statusCode())
        .isEqualTo(204);
    assertThat(post(event("ObjectCreated:Put", key("/w/bare")), TOKEN).statusCode()).isEqualTo(204);
    assertThat(post(event("ObjectCreated:Put", key("/w/no")), wrongBasic).statusCode())
        .isEqualTo(401);

    recorder().awaitEvent(ChangeKind.CREATE, "/w/basic");
    recorder().awaitEvent(ChangeKind.CREATE, "/w/bare");
    assertThat(recorder().contains(ChangeEvent.of(ChangeKind.CREATE, "/w/no"))).isFalse();
  }

  @Test
  void aBodyThatIsNoEventNotificationIsABadRequest() throws Exception {
    HttpResponse<String> response = post("{\"Records\": 3}", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"Records\" is not an array");
  }

  @Test
  void anEventInAnSnsEnvelopeWithAnEncodedKeyIsReported() throws Exception {
    String inner = event("ObjectRemoved:Delete", URLEncoder.encode(key("/w/a b+c"), UTF_8));
    String envelope =
        "{\"Type\": \"Notification\", \"Message\": "
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner)
            + "}";

    assertThat(post(envelope, "Bearer " + TOKEN).statusCode()).isEqualTo(204);

    recorder().awaitEvent(ChangeKind.DELETE, "/w/a b+c");
  }

  @Test
  void anSnsSubscriptionConfirmationIsTakenWithoutEvents() throws Exception {
    String confirmation =
        "{\"Type\": \"SubscriptionConfirmation\", \"Message\": \"You have chosen to subscribe\","
            + " \"SubscribeURL\": \"https://sns.example/?Action=ConfirmSubscription\"}";

    assertThat(post(confirmation, "Bearer " + TOKEN).statusCode()).isEqualTo(204);
    assertThat(recorder().pollOnce(Duration.ofMillis(100)).events()).isEmpty();
  }

  @Test
  void eventsOfOtherBucketsAndPrefixesAreIgnored() throws Exception {
    post(event("ObjectCreated:Put", "elsewhere/w/f"), "Bearer " + TOKEN);
    writer().createFile("/w/after", HELLO);

    recorder().awaitEvent(ChangeKind.CREATE, "/w/after");
    assertThat(recorder().contains(ChangeEvent.of(ChangeKind.CREATE, "/w/f"))).isFalse();
  }

  @Test
  void everyReconcileIntervalTheFeedAsksForAWholeResync() throws IOException {
    try (UnderFileSystem ufs = s3.open(root, options("500ms"));
        ChangeFeed feed = ufs.openChangeFeed(null, Duration.ofMillis(100))) {
      feed.watch("/w");
      String before = feed.cursor().value();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> feed.poll(Duration.ofMillis(100)), ChangeBatch::eventsLost);
      assertThat(feed.cursor().value()).contains("reconciled-at-ms:").isNotEqualTo(before);
    }
  }

  private String key(String path) {
    return root.getPath().substring(1) + path;
  }

  private void notifyFeed(String eventName, String key) {
    try {
      post(event(eventName, URLEncoder.encode(key, UTF_8)), "Bearer " + TOKEN);
    } catch (ConnectException e) {
      // the feed is closed: S3 would lose this notification too
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("cannot notify the feed of " + key, e);
    }
  }

  private static String event(String eventName, String encodedKey) {
    return "{\"Records\": [{\"eventVersion\": \"2.1\", \"eventSource\": \"aws:s3\","
        + " \"eventName\": \""
        + eventName
        + "\", \"s3\": {\"bucket\": {\"name\": \""
        + S3ProxyFixture.BUCKET
        + "\"}, \"object\": {\"key\": "
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(encodedKey)
        + ", \"size\": 1}}}]}";
  }

  private HttpResponse<String> post(String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + feedPort + "/s3-events"))
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
