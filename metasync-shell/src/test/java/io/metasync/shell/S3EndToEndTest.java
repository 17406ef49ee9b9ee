package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 mount through the command line, as the README shows it: a master, dev-s3's real S3 server
 * (s3proxy), objects changed behind metasync's back with another S3 client.
 */
class S3EndToEndTest {
  private static final String TOKEN = "end-to-end-event-token";
  private static final String INTERVAL_ZERO = "-Dmetasync.user.file.metadata.sync.interval=0";

  @TempDir static Path folder;
  @TempDir static Path s3Folder;
  @TempDir Path local;
  private static RunningMaster master;
  private static DevS3 s3;
  private static S3Client client;

  @BeforeAll
  static void start() throws IOException {
    // active sync every half second, for the event feed's test
    master = RunningMaster.start(folder, Map.of("metasync.master.activesync.interval", "500ms"));
    s3 = DevS3.start(Path.of("target", "s3proxy", "s3proxy.jar"), 0, s3Folder, "dev");
    client = s3.newClient();
    List<String> mount = new ArrayList<>(List.of("fs"));
    mount.addAll(s3.mountArguments("/s3"));
    master.succeed(mount.toArray(String[]::new));
  }

  @AfterAll
  static void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (master != null) {
      master.close();
    }
  }

  @Test
  void objectsChangedBehindMetasyncAreSeenWithIntervalZeroAndWritesReachTheBucket()
      throws IOException {
    put("data/a.txt", "hello");

    assertThat(master.succeed("fs", "ls", "-R", "/s3").out()).contains("/s3/data/a.txt");
    put("data/b.txt", "b");
    assertThat(master.succeed("fs", "ls", "/s3/data").out()).doesNotContain("/s3/data/b.txt");
    assertThat(master.succeed("fs", INTERVAL_ZERO, "ls", "/s3/data").out())
        .contains("/s3/data/b.txt");
    assertThat(master.succeed("fs", "cat", "/s3/data/a.txt").out()).isEqualTo("hello");

    Path upload = Files.writeString(local.resolve("up.txt"), "uploaded");
    master.succeed("fs", "copyFromLocal", upload.toString(), "/s3/data/up.txt");
    assertThat(get("data/up.txt")).isEqualTo("uploaded");
    master.succeed("fs", "mv", "/s3/data/up.txt", "/s3/data/moved.txt");
    assertThat(get("data/moved.txt")).isEqualTo("uploaded");
    assertThat(keys("data/up.txt")).isEmpty();

    master.succeed("fs", "rm", "-R", "/s3/data");
    assertThat(keys("data/")).isEmpty();
    assertThat(master.succeed("fs", INTERVAL_ZERO, "ls", "/s3").out()).doesNotContain("/s3/data");
  }

  @Test
  void hadoopFsReachesTheBucketThroughS3aAndAnS3aMountServesItThroughTheHadoopUfs()
      throws IOException {
    List<String> s3a =
        List.of(
            "-Dfs.s3a.endpoint=" + s3.endpoint(),
            "-Dfs.s3a.path.style.access=true",
            "-Dfs.s3a.access.key=" + DevS3.ACCESS_KEY,
            "-Dfs.s3a.secret.key=" + DevS3.SECRET_KEY,
            "-Dfs.s3a.endpoint.region=us-east-1");
    Path file = Files.writeString(local.resolve("s3a.txt"), "through s3a");
    master.succeed(hadoopFs(s3a, "-mkdir", "-p", "s3a://dev/s3a"));
    master.succeed(hadoopFs(s3a, "-put", file.toString(), "s3a://dev/s3a/put.txt"));
    assertThat(get("s3a/put.txt")).isEqualTo("through s3a");
    assertThat(master.succeed(hadoopFs(s3a, "-ls", "s3a://dev/s3a")).out())
        .contains("s3a://dev/s3a/put.txt");

    List<String> mount = new ArrayList<>(List.of("fs", "mount"));
    for (String definition : s3a) {
      mount.add("--option");
      mount.add(definition.substring("-D".length()));
    }
    mount.addAll(List.of("/s3a", "s3a://dev/s3a"));
    master.succeed(mount.toArray(String[]::new));
    assertThat(master.succeed("fs", "cat", "/s3a/put.txt").out()).isEqualTo("through s3a");
    assertThat(master.succeed("fs", "mountTable").out())
        .contains("s3a://dev/s3a")
        .doesNotContain(DevS3.SECRET_KEY);
    master.succeed("fs", "unmount", "/s3a");
  }

  private static String[] hadoopFs(List<String> definitions, String... arguments) {
    List<String> command = new ArrayList<>(List.of("hadoop-fs"));
    command.addAll(definitions);
    command.addAll(List.of(arguments));
    return command.toArray(String[]::new);
  }

  @Test
  void mountTableShowsTheEndpointButNeitherKey() {
    String table = master.succeed("fs", "mountTable").out();

    assertThat(table).contains("s3://dev/").contains("s3.endpoint=" + s3.endpoint());
    assertThat(table).doesNotContain(DevS3.SECRET_KEY).doesNotContain("=" + DevS3.ACCESS_KEY);
  }

  @Test
  void chmodIsOneLineSayingS3DoesNotSupportIt() {
    put("perm/f", "x");
    master.succeed("fs", INTERVAL_ZERO, "ls", "/s3/perm");

    String error = master.fail("fs", "chmod", "700", "/s3/perm/f");

    assertThat(error).contains("/s3/perm/f").contains("not supported by s3://");
    assertThat(error.strip().lines()).hasSize(1);
  }

  @Test
  void aMissingBucketIsOneLineNamingIt() {
    List<String> mount = new ArrayList<>(List.of("fs"));
    mount.addAll(s3.mountArguments("/nob"));
    mount.set(mount.size() - 1, "s3://no-such-bucket/");

    String error = master.fail(mount.toArray(String[]::new));

    assertThat(error).contains("the bucket 'no-such-bucket' does not exist");
    assertThat(error.strip().lines()).hasSize(1);
  }

  @Test
  void anS3EventNotificationMakesAnObjectVisibleToActiveSyncWithoutAListing() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> mount = new ArrayList<>(List.of("fs"));
    mount.addAll(s3.mountArguments("/events"));
    mount.addAll(
        mount.size() - 2,
        List.of("--option", "s3.events.port=" + port, "--option", "s3.events.token=" + TOKEN));
    // a bucket of its own: a UFS folder may be mounted only once
    client.createBucket(b -> b.bucket("events"));
    mount.set(mount.size() - 1, "s3://events/");
    client.putObject(b -> b.bucket("events").key("first"), RequestBody.fromString("1"));
    master.succeed(mount.toArray(String[]::new));
    master.succeed("fs", "startSync", "/events");
    assertThat(master.succeed("fs", "mountTable").out()).contains("s3.events.token=(hidden)");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> master.succeed("fs", "getSyncPathList").out().contains("/events  idle"));

    client.putObject(b -> b.bucket("events").key("second"), RequestBody.fromString("2"));
    // nothing lists the bucket now: only the event can show the new object
    assertThat(master.succeed("fs", "ls", "/events").out()).doesNotContain("/events/second");
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\":"
                                + " {\"bucket\": {\"name\": \"events\"}, \"object\": {\"key\":"
                                + " \"second\"}}}]}"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(master.succeed("fs", "ls", "/events").out()).contains("/events/second"));
    master.succeed("fs", "stopSync", "/events");
  }

  private static void put(String key, String text) {
    client.putObject(b -> b.bucket("dev").key(key), RequestBody.fromString(text));
  }

  private static String get(String key) {
    return client.getObjectAsBytes(b -> b.bucket("dev").key(key)).asUtf8String();
  }

  private static List<String> keys(String prefix) {
    return client.listObjectsV2(b -> b.bucket("dev").prefix(prefix)).contents().stream()
        .map(object -> object.key())
        .toList();
  }
}
