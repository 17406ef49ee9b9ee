package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed of an S3 mount that S3 tells of its changes: an HTTP endpoint that accepts S3
 * event notifications ({@link S3EventMessages}) POSTed with the mount's token (see {@link
 * #authorized}), as a webhook of MinIO or Ceph RGW, an SNS HTTP subscription, or a relay from SQS
 * or EventBridge sends them.
 *
 * <p>An {@code ObjectCreated} event says an object was written, not whether one was there before,
 * so it is reported as CREATE and CONTENT; {@code ObjectRemoved} and {@code LifecycleExpiration} as
 * DELETE. A key ending in {@code /} is a folder's marker. A rename is a DELETE and a CREATE.
 *
 * <p>What it cannot see: an event S3 did not deliver (an endpoint that was down, a notification
 * rule that does not cover the prefix or the kind), and a folder that exists only as a prefix
 * appears with its first object. Such losses are healed by asking for a whole re-sync (a batch that
 * says events were lost) every reconcile interval, on resume from a cursor, and when more events
 * arrive than it holds; the cursor says when that last happened.
 */
final class S3EventChangeFeed implements ChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(S3EventChangeFeed.class);

  /** Events held between polls; more than this is reported as lost events. */
  static final int MAX_QUEUED = 100_000;

  private final S3Location location;
  private final S3EventEndpoint endpoint;
  private final Clock clock;
  private final HttpServer server;
  private final LinkedBlockingQueue<ChangeEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean eventsLost = new AtomicBoolean();
  // Only the polling thread reads and writes these.
  private Instant nextReconcile;
  private Instant lastReconcile;
  private volatile FeedCursor cursor;

  private S3EventChangeFeed(
      S3Location location, S3EventEndpoint endpoint, Clock clock, boolean resumed)
      throws IOException {
    this.location = requireNonNull(location, "location is null");
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.clock = requireNonNull(clock, "clock is null");
    Instant now = clock.instant();
    // a resumed feed cannot know what was sent while nobody listened
    this.eventsLost.set(resumed);
    this.lastReconcile = now;
    this.nextReconcile = now.plus(endpoint.reconcileInterval());
    this.cursor = cursorAt(now);
    try {
      this.server = HttpServer.create(new InetSocketAddress(endpoint.host(), endpoint.port()), 0);
    } catch (IOException e) {
      throw new IOException(
          "cannot listen for S3 events on "
              + endpoint.host()
              + ":"
              + endpoint.port()
              + " ("
              + e.getMessage()
              + "); choose another s3.events.port or s3.events.host",
          e);
    }
    server.createContext("/", this::receive);
  }

  /**
   * Starts listening on the endpoint.
   *
   * @param resumeFrom a cursor of an earlier feed, or null to start from now
   * @throws IOException when the port cannot be bound
   */
  static S3EventChangeFeed open(
      S3Location location, S3EventEndpoint endpoint, FeedCursor resumeFrom, Clock clock)
      throws IOException {
    S3EventChangeFeed feed = new S3EventChangeFeed(location, endpoint, clock, resumeFrom != null);
    feed.server.start();
    return feed;
  }

  /** The port it listens on (the chosen one where the endpoint said 0). */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void watch(String path) {
    watched.add(requireNonNull(path, "path is null"));
  }

  @Override
  public void unwatch(String path) {
    watched.remove(requireNonNull(path, "path is null"));
  }

  @Override
  public ChangeBatch poll(Duration timeout) throws InterruptedException {
    Instant now = clock.instant();
    boolean lost = false;
    if (!now.isBefore(nextReconcile)) {
      lost = true;
      lastReconcile = now;
      nextReconcile = now.plus(endpoint.reconcileInterval());
    }
    List<ChangeEvent> drained = new ArrayList<>();
    if (!lost && !eventsLost.get()) {
      ChangeEvent first = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (first != null) {
        drained.add(first);
      }
    }
    queue.drainTo(drained);
    lost |= eventsLost.getAndSet(false);
    // a set: a key written twice between polls is one change to sync
    Set<ChangeEvent> events = new LinkedHashSet<>();
    for (ChangeEvent event : drained) {
      if (isWatched(event.path())) {
        events.add(event);
      }
    }
    cursor = cursorAt(clock.instant());
    return new ChangeBatch(new ArrayList<>(events), lost, cursor);
  }

  @Override
  public FeedCursor cursor() {
    return cursor;
  }

  @Override
  public void close() {
    server.stop(0);
    queue.clear();
  }

  private boolean isWatched(String path) {
    for (String folder : watched) {
      if (folder.equals("/") || path.equals(folder) || path.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }

  private FeedCursor cursorAt(Instant now) {
    return new FeedCursor(
        "events-at-ms:" + now.toEpochMilli() + ";reconciled-at-ms:" + lastReconcile.toEpochMilli());
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "POST S3 event notifications here\n");
        return;
      }
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"metasync S3 events\"");
        answer(exchange, 401, "give the mount's s3.events.token as: Authorization: Bearer TOKEN\n");
        return;
      }
      Optional<String> confirmation = S3EventMessages.subscriptionConfirmation(body);
      if (confirmation.isPresent()) {
        // SNS asks once whether this endpoint wants the topic's messages: an administrator
        // confirms by opening the URL; the feed never follows a URL it was sent
        LOG.warn(
            "SNS asks to confirm a subscription of the S3 event endpoint {}:{} of s3://{}/{};"
                + " open this URL to confirm it: {}",
            endpoint.host(),
            port(),
            location.bucket(),
            location.rootPrefix(),
            confirmation.get());
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      List<S3EventMessages.ObjectEvent> events;
      try {
        events = S3EventMessages.parse(body);
      } catch (IllegalArgumentException e) {
        answer(exchange, 400, "not an S3 event notification: " + e.getMessage() + "\n");
        return;
      }
      for (S3EventMessages.ObjectEvent event : events) {
        accept(event);
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /**
   * Whether the sender gave the token: as {@code Bearer TOKEN}, as the bare token (MinIO's webhook
   * auth token), or as the password of HTTP basic authentication (SNS and Ceph put {@code
   * user:TOKEN@} in the endpoint URL).
   */
  private boolean authorized(String header) {
    if (header == null) {
      return false;
    }
    String given = header.strip();
    if (given.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = given.substring(7).strip();
    } else if (given.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(given.substring(6).strip()), UTF_8);
        given = pair.substring(pair.indexOf(':') + 1);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return MessageDigest.isEqual(endpoint.token().getBytes(UTF_8), given.getBytes(UTF_8));
  }

  private void accept(S3EventMessages.ObjectEvent event) {
    String key = event.key();
    if (!event.bucket().equals(location.bucket())
        || !key.startsWith(location.rootPrefix())
        || key.length() == location.rootPrefix().length()) {
      return;
    }
    String path = location.pathOf(key);
    String name = event.eventName();
    if (name.startsWith("ObjectCreated")) {
      offer(ChangeEvent.of(ChangeKind.CREATE, path));
      offer(ChangeEvent.of(ChangeKind.CONTENT, path));
    } else if (name.startsWith("ObjectRemoved") || name.startsWith("LifecycleExpiration")) {
      offer(ChangeEvent.of(ChangeKind.DELETE, path));
    }
  }

  private void offer(ChangeEvent event) {
    if (!queue.offer(event)) {
      eventsLost.set(true);
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
