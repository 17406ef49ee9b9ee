package io.metasync.master.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's text format, read back by the strict parser. */
class MetricsRegistryTest {
  @Test
  void labelValuesAndHelpWithBackslashesQuotesAndLineFeedsReadBackAsWritten() {
    MetricRegistry registry = new MetricRegistry();
    String path = "/we\"ird\\name\nwith lines";
    registry
        .counter("metasync_test_total", "Help with \\ and\na line feed.", "path")
        .labels(path)
        .add(3);

    PrometheusTextParser.Family family =
        PrometheusTextParser.parse(registry.scrape()).get("metasync_test_total");

    assertThat(family.type()).isEqualTo("counter");
    assertThat(family.help()).isEqualTo("Help with \\ and\na line feed.");
    assertThat(family.value("metasync_test_total", Map.of("path", path))).isEqualTo(3);
  }

  @Test
  void aHistogramsBucketsAreCumulativeAndEndAtItsCount() {
    MetricRegistry registry = new MetricRegistry();
    Histogram histogram = registry.histogram("metasync_test_seconds", "Test.", "op");
    histogram.labels("a").observe(0.0001);
    histogram.labels("a").observe(0.003);
    histogram.labels("a").observe(1000);

    PrometheusTextParser.Family family =
        PrometheusTextParser.parse(registry.scrape()).get("metasync_test_seconds");

    assertThat(family.value("metasync_test_seconds_bucket", Map.of("op", "a", "le", "0.0005")))
        .isEqualTo(1);
    assertThat(family.value("metasync_test_seconds_bucket", Map.of("op", "a", "le", "0.005")))
        .isEqualTo(2);
    assertThat(family.value("metasync_test_seconds_bucket", Map.of("op", "a", "le", "+Inf")))
        .isEqualTo(3);
    assertThat(family.value("metasync_test_seconds_count", Map.of("op", "a"))).isEqualTo(3);
    assertThat(family.value("metasync_test_seconds_sum", Map.of("op", "a")))
        .isCloseTo(1000.0031, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aFamilyWithNoSeriesYetStillShowsItsHelpAndType() {
    MetricRegistry registry = new MetricRegistry();
    registry.gauge("metasync_test_points", "Test.", List.of("path"), samples -> {});

    assertThat(PrometheusTextParser.parse(registry.scrape()))
        .containsOnlyKeys("metasync_test_points");
  }

  @Test
  void namesOutsideTheConventionsAreRefusedWhenRegistered() {
    MetricRegistry registry = new MetricRegistry();

    assertThatThrownBy(() -> registry.counter("requests_total", "Test."))
        .hasMessageContaining("not a metasync metric name: requests_total");
    assertThatThrownBy(() -> registry.histogram("metasync_test_seconds", "Test.", "le"))
        .hasMessageContaining("bad label name le");
    registry.counter("metasync_twice_total", "Test.");
    assertThatThrownBy(() -> registry.counter("metasync_twice_total", "Test."))
        .hasMessageContaining("metasync_twice_total is registered twice");
  }

  @Test
  void theParserRefusesWhatPrometheusRefuses() {
    assertThatThrownBy(() -> PrometheusTextParser.parse("metasync_x 1\n"))
        .hasMessageContaining("before its TYPE");
    assertThatThrownBy(
            () -> PrometheusTextParser.parse("# TYPE metasync_x gauge\nmetasync_x{a=\"\\t\"} 1\n"))
        .hasMessageContaining("bad escape");
    assertThatThrownBy(
            () ->
                PrometheusTextParser.parse("# TYPE metasync_x gauge\nmetasync_x 1\nmetasync_x 2\n"))
        .hasMessageContaining("repeated series");
    assertThatThrownBy(
            () ->
                PrometheusTextParser.parse(
                    "# TYPE metasync_h histogram\nmetasync_h_bucket{le=\"1\"} 2\n"
                        + "metasync_h_bucket{le=\"+Inf\"} 1\nmetasync_h_sum 1\nmetasync_h_count 1\n"))
        .hasMessageContaining("buckets not increasing");
  }
}
