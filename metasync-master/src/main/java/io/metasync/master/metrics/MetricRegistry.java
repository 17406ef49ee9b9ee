package io.metasync.master.metrics;

import static io.metasync.common.Preconditions.checkArgument;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The master's metrics, by name, written in the Prometheus text format at each scrape. A tiny
 * registry of our own (counters, callback gauges, fixed-bucket histograms) rather than a library:
 * these three kinds are all the master needs, and each is a few dozen lines.
 */
public final class MetricRegistry {
  private final Map<String, MetricFamily> families = new ConcurrentSkipListMap<>();

  public Counter counter(String name, String help, String... labelNames) {
    return add(new Counter(name, help, List.of(labelNames)));
  }

  public Histogram histogram(String name, String help, String... labelNames) {
    return add(new Histogram(name, help, Histogram.SECONDS, List.of(labelNames)));
  }

  /** A gauge read at each scrape from {@code samples}. */
  public void gauge(String name, String help, List<String> labelNames, Consumer<Samples> samples) {
    add(new CallbackMetric(name, help, "gauge", labelNames, samples));
  }

  /** A counter kept by someone else (the JVM, say), read at each scrape from {@code samples}. */
  public void counterFrom(
      String name, String help, List<String> labelNames, Consumer<Samples> samples) {
    add(new CallbackMetric(name, help, "counter", labelNames, samples));
  }

  private <T extends MetricFamily> T add(T family) {
    MetricFamily previous = families.putIfAbsent(family.name(), family);
    checkArgument(previous == null, "metric %s is registered twice", family.name());
    return family;
  }

  /** The names of the registered metric families, sorted. */
  public List<String> names() {
    return List.copyOf(families.keySet());
  }

  /** Every family, sorted by name, in the text format. */
  public String scrape() {
    ExpositionWriter out = new ExpositionWriter();
    families.values().forEach(family -> family.write(out));
    return out.text();
  }
}
