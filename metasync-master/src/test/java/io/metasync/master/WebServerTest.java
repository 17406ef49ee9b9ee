package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's web port over real HTTP: its pages, 404 elsewhere, HEAD, 405 for the rest. */
class WebServerTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static HttpClient http;

  @BeforeAll
  static void startMaster() throws IOException {
    fixture = MasterFixture.start(folder);
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stopMaster() throws InterruptedException {
    fixture.close();
  }

  private static HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + fixture.master().webPort() + path);
    return http.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownPathsAre404WithAShortTextBody() throws Exception {
    for (String path : List.of("/metric", "/metrics/", "/prometheus/metrics", "/favicon.ico")) {
      HttpResponse<String> response = send("GET", path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; charset=utf-8");
      assertThat(response.body())
          .isEqualTo(
              "no page at "
                  + path
                  + "; the pages are / and /api/sync-points and /configuration and /errors and"
                  + " /metrics and /mounts and /sync-points and /syncs\n");
    }
  }

  @Test
  void everyPageAnswersGetAndAQueryStringDoesNotMatter() throws Exception {
    HttpResponse<String> home = send("GET", "/");
    HttpResponse<String> metrics = send("GET", "/metrics?name[]=metasync_inodes");
    HttpResponse<String> syncPoints = send("GET", "/api/sync-points");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Mount table");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).containsPattern("(?m)^metasync_inodes \\d+$");
    assertThat(syncPoints.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(syncPoints.body()).startsWith("{\"updated\":\"").endsWith(",\"rows\":[]}");
    for (String page : List.of("/mounts", "/sync-points", "/syncs", "/errors", "/configuration")) {
      HttpResponse<String> response = send("GET", page + "?x=1");
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/html; charset=utf-8");
      assertThat(response.body()).as(page).startsWith("<!doctype html>").endsWith("</html>");
    }
  }

  @Test
  void headAnswersThePagesHeadersWithoutABodyAndWithoutAWarning() throws Exception {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler collector =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jdkHttpServer = Logger.getLogger("com.sun.net.httpserver");
    jdkHttpServer.addHandler(collector);
    try {
      HttpResponse<String> home = send("HEAD", "/");
      HttpResponse<String> metrics = send("HEAD", "/metrics");
      HttpResponse<String> missing = send("HEAD", "/nothing");

      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).isEmpty();
      assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(home.headers().firstValueAsLong("Content-Length"))
          .hasValue(send("GET", "/").body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).isEmpty();
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.headers().firstValueAsLong("Content-Length")).isPresent();
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEmpty();
    } finally {
      jdkHttpServer.removeHandler(collector);
    }
    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
  }

  @Test
  void otherMethodsAre405NamingTheAllowedOnes() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
      for (String path : List.of("/", "/metrics")) {
        HttpResponse<String> response = send(method, path);

        assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.body()).isEqualTo(method + " is not allowed here; use GET, HEAD\n");
      }
    }
  }
}
