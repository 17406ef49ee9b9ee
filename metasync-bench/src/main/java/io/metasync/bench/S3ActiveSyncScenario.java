package io.metasync.bench;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.SyncInterval;
import io.metasync.common.Ticker;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3} scenario's active-sync figures, on a sync point of the whole table: S3 calls per
 * minute spent while it is idle, polling vs events (counted by {@link CountingS3Ufs} in an
 * in-process master), and change-to-visible latency: a PUT (and, with events, the S3 event
 * notification posted to the mount's endpoint right after it, as S3 through SQS/SNS, MinIO or Ceph
 * would) until {@code getStatus} at interval -1, load type NEVER, finds the object.
 */
final class S3ActiveSyncScenario {
  private static final String NAME = "s3";
  private static final String TOKEN = "bench-event-token-0123456789";
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);
  private static final int EVENT_CHANGES = 20;
  private static final int POLLING_CHANGES = 5;
  private static final CallOptions CACHE_ONLY = new CallOptions(SyncInterval.NEVER, LoadType.NEVER);

  private S3ActiveSyncScenario() {}

  static void run(BenchContext context, Path folder, S3Table table) throws Exception {
    for (boolean events : new boolean[] {false, true}) {
      AtomicLong calls = new AtomicLong();
      UnaryOperator<UnderFileSystem> counting =
          ufs ->
              "s3".equals(ufs.rootUri().getScheme()) ? new CountingS3Ufs(ufs, calls, !events) : ufs;
      Map<String, String> settings =
          Map.of("metasync.master.activesync.interval", INTERVAL.toMillis() + "ms");
      int eventPort = events ? freePort() : 0;
      try (BenchMaster master =
              BenchMaster.start(
                  S3Scenario.emptyRoot(folder), context.mastersFolder(), counting, settings);
          S3Client s3 = table.server().newClient()) {
        S3Scenario.mount(
            master,
            table,
            events ? Map.of("s3.events.port", "" + eventPort, "s3.events.token", TOKEN) : Map.of());
        MetasyncClient client = master.client();
        client.withOptions(BenchMaster.CACHED).loadMetadata(S3Scenario.MOUNT, true, progress -> {});
        ActiveSyncScenario.startSyncAndWait(client, S3Scenario.MOUNT, context.ticker());
        idleCost(context, calls, events);
        visibility(context, client, s3, events ? eventPort : -1);
        client.stopSync(S3Scenario.MOUNT);
      }
    }
  }

  /** (c) S3 calls per minute of an idle sync point, measured over {@link #IDLE_WINDOW}. */
  private static void idleCost(BenchContext context, AtomicLong calls, boolean events)
      throws IOException, InterruptedException {
    long before = calls.get();
    // a measurement window, not a wait for a condition: nothing is expected to happen in it
    Thread.sleep(IDLE_WINDOW.toMillis());
    long spent = calls.get() - before;
    double perMinute = spent * 60_000.0 / IDLE_WINDOW.toMillis();
    Progress.log("s3: idle sync point, %s: %,d S3 calls in %s", feed(events), spent, IDLE_WINDOW);
    context
        .table()
        .figure(
            NAME,
            String.format(
                Locale.ROOT,
                "S3 calls per minute of active sync on an idle sync point of the whole table, %s,"
                    + " activesync.interval %d s, counted over %d s (UFS list and getStatus calls"
                    + " of the mount; a list of a folder of up to 1,000 keys is one ListObjectsV2),"
                    + " load average %s",
                feed(events),
                INTERVAL.toSeconds(),
                IDLE_WINDOW.toSeconds(),
                LoadAverage.now()),
            String.format(Locale.ROOT, "%,.0f calls/min", perMinute),
            events
                ? "events: no request while idle"
                : "polling: one listing per folder per interval");
  }

  /** (d) PUT (and event) to visible at interval -1: p50 and p99 in milliseconds. */
  private static void visibility(
      BenchContext context, MetasyncClient client, S3Client s3, int eventPort) throws Exception {
    boolean events = eventPort > 0;
    Ticker ticker = context.ticker();
    int changes = events ? EVENT_CHANGES : POLLING_CHANGES;
    HttpClient http = HttpClient.newHttpClient();
    long[] millis = new long[changes];
    List<String> added = new ArrayList<>();
    try {
      for (int i = 0; i < changes; i++) {
        String name = String.format(Locale.ROOT, "new-%s-%03d.parquet", feed(events), i);
        String key = S3Table.PREFIX + "/part=0000/" + name;
        long start = ticker.nanos();
        s3.putObject(b -> b.bucket(S3Table.BUCKET).key(key), RequestBody.fromString(name));
        added.add(key);
        if (events) {
          post(http, eventPort, key);
        }
        awaitVisible(client, S3Scenario.MOUNT + "/part=0000/" + name, ticker);
        millis[i] = (ticker.nanos() - start) / 1_000_000;
      }
    } finally {
      // the table is kept for the next run, whose walks count its objects: leave it as found
      added.forEach(key -> s3.deleteObject(b -> b.bucket(S3Table.BUCKET).key(key)));
    }
    Arrays.sort(millis);
    long p50 = millis[(int) Math.floor(0.5 * (changes - 1))];
    long p99 = millis[(int) Math.ceil(0.99 * (changes - 1))];
    Progress.log("s3: change to visible, %s: p50 %d ms, p99 %d ms", feed(events), p50, p99);
    context
        .table()
        .figure(
            NAME,
            String.format(
                Locale.ROOT,
                "change to visible, %s: PUT%s, then getStatus at interval -1 (load NEVER) until the"
                    + " object shows, %d changes one at a time, activesync.interval %d s, load"
                    + " average %s",
                feed(events),
                events ? " and the S3 event notification posted to the mount's endpoint" : "",
                changes,
                INTERVAL.toSeconds(),
                LoadAverage.now()),
            String.format(Locale.ROOT, "p50 %,d ms, p99 %,d ms", p50, p99),
            events
                ? "a sync at the next activesync interval after the event"
                : "the next poll, then the sync after it");
  }

  private static void awaitVisible(MetasyncClient client, String path, Ticker ticker)
      throws InterruptedException {
    long deadline = ticker.nanos() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try {
        client.withOptions(CACHE_ONLY).getStatus(path);
        return;
      } catch (MetasyncException e) {
        if (ticker.nanos() > deadline) {
          throw new IllegalStateException(path + " did not show within 2 minutes", e);
        }
      }
      // polling at a fixed pace is the measurement itself: the resolution of the figure is 5 ms
      Thread.sleep(5);
    }
  }

  private static void post(HttpClient http, int port, String key) throws Exception {
    String body =
        "{\"Records\": [{\"eventVersion\": \"2.1\", \"eventSource\": \"aws:s3\", \"eventName\":"
            + " \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \""
            + S3Table.BUCKET
            + "\"}, \"object\": {\"key\": \""
            + key.replace("=", "%3D")
            + "\"}}}]}";
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 204) {
      throw new IOException("the event endpoint answered " + response.statusCode());
    }
  }

  private static String feed(boolean events) {
    return events ? "event feed" : "polling feed";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
