package io.metasync.master.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.MasterFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/metrics.md} and the Grafana dashboard name exactly the metrics a real master exports,
 * so neither drifts from the code.
 */
class MetricsDocumentationTest {
  @TempDir Path folder;

  @Test
  void theDocsAndTheDashboardNameExactlyTheExportedMetrics() throws Exception {
    Map<String, PrometheusTextParser.Family> exported;
    try (MasterFixture fixture = MasterFixture.start(folder)) {
      exported = MetricsScrape.scrape(fixture);
    }
    Set<String> histograms =
        exported.values().stream()
            .filter(family -> family.type().equals("histogram"))
            .map(PrometheusTextParser.Family::name)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(MetricsScrape.documentedNames()).isEqualTo(new TreeSet<>(exported.keySet()));
    assertThat(MetricsScrape.dashboardNames(histograms))
        .isEqualTo(new TreeSet<>(exported.keySet()));
  }
}
