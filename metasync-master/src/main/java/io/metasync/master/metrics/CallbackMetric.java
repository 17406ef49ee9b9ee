package io.metasync.master.metrics;

import java.util.List;
import java.util.function.Consumer;

/**
 * A metric whose samples are read from their owner at each scrape (a gauge, or a counter kept
 * elsewhere such as the JVM's collection counts), so nothing is copied between scrapes.
 */
final class CallbackMetric extends MetricFamily {
  private final String type;
  private final Consumer<Samples> callback;

  CallbackMetric(String name, String help, String type, List<String> labels, Consumer<Samples> cb) {
    super(name, help, labels);
    this.type = type;
    this.callback = cb;
  }

  @Override
  String type() {
    return type;
  }

  @Override
  void writeSamples(ExpositionWriter out) {
    callback.accept(
        (value, values) -> out.sample(name(), labelNames(), checkedValues(values), value));
  }
}
