package io.metasync.master.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A count that only grows, one per combination of label values; cheap to bump from any thread. */
public final class Counter extends MetricFamily {
  private final Map<List<String>, LongAdder> children = new ConcurrentHashMap<>();

  Counter(String name, String help, List<String> labelNames) {
    super(name, help, labelNames);
    if (labelNames.isEmpty()) {
      children.put(List.of(), new LongAdder()); // shown as 0 before the first event
    }
  }

  /** The count for these label values, in the order of the label names. */
  public LongAdder labels(String... values) {
    List<String> key = values.length == 0 ? List.of() : checkedValues(values);
    LongAdder child = children.get(key);
    return child != null ? child : children.computeIfAbsent(key, ignored -> new LongAdder());
  }

  /**
   * The sum over every child whose label {@code labelIndex} is {@code value} (for the web page).
   */
  public long sumWhere(int labelIndex, String value) {
    long sum = 0;
    for (Map.Entry<List<String>, LongAdder> child : children.entrySet()) {
      if (child.getKey().size() > labelIndex && child.getKey().get(labelIndex).equals(value)) {
        sum += child.getValue().sum();
      }
    }
    return sum;
  }

  @Override
  String type() {
    return "counter";
  }

  @Override
  void writeSamples(ExpositionWriter out) {
    children.forEach((values, count) -> out.sample(name(), labelNames(), values, count.sum()));
  }
}
