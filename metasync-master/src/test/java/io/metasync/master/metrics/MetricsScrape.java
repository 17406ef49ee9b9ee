package io.metasync.master.metrics;

import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scrapes a real master's {@code /metrics} over HTTP, and reads the documented names. */
final class MetricsScrape {
  static final Path DOCS = Path.of("..", "docs", "metrics.md");
  static final Path DASHBOARD = Path.of("..", "docs", "grafana", "metasync.json");
  private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(metasync_[a-z0-9_]+)` \\|");
  private static final Pattern NAME = Pattern.compile("metasync_[a-z0-9_]+");

  private MetricsScrape() {}

  static Map<String, PrometheusTextParser.Family> scrape(MasterFixture fixture)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + fixture.master().webPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return PrometheusTextParser.parse(response.body());
  }

  /** The names in the first column of {@code docs/metrics.md}'s tables. */
  static Set<String> documentedNames() {
    return names(DOCUMENTED, 1, read(DOCS));
  }

  /**
   * The metric names the dashboard's queries use, a histogram's {@code _bucket}, {@code _sum} and
   * {@code _count} series counted as the histogram.
   */
  static Set<String> dashboardNames(Set<String> histograms) {
    Set<String> names = new TreeSet<>();
    for (String name : names(NAME, 0, read(DASHBOARD))) {
      String base = name.replaceAll("_(bucket|sum|count)$", "");
      names.add(histograms.contains(base) ? base : name);
    }
    return names;
  }

  private static Set<String> names(Pattern pattern, int group, String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(group));
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
