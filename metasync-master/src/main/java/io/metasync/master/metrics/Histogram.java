package io.metasync.master.metrics;

import static io.metasync.common.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into fixed buckets (cumulative on output, as the format wants), with their
 * sum and count, one per combination of label values.
 */
public final class Histogram extends MetricFamily {
  /** Seconds, from a cached call (a fraction of a millisecond) to a long sync or a slow UFS. */
  static final double[] SECONDS =
      new double[] {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300
      };

  private final double[] bounds;
  private final Map<List<String>, Child> children = new ConcurrentHashMap<>();

  Histogram(String name, String help, double[] bounds, List<String> labelNames) {
    super(name, help, labelNames);
    for (int i = 1; i < bounds.length; i++) {
      checkArgument(bounds[i] > bounds[i - 1], "buckets of %s must increase", name);
    }
    this.bounds = bounds.clone();
    if (labelNames.isEmpty()) {
      children.put(List.of(), new Child()); // shown as empty before the first observation
    }
  }

  /** The histogram for these label values, in the order of the label names. */
  public Child labels(String... values) {
    List<String> key = checkedValues(values);
    Child child = children.get(key);
    return child != null ? child : children.computeIfAbsent(key, ignored -> new Child());
  }

  /** One histogram's buckets (not cumulative here), sum and count. */
  public final class Child {
    private final LongAdder[] buckets = new LongAdder[bounds.length + 1];
    private final DoubleAdder sum = new DoubleAdder();

    private Child() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    public void observeNanos(long nanos) {
      observe(nanos / 1e9);
    }

    public void observe(double value) {
      int bucket = 0;
      while (bucket < bounds.length && value > bounds[bucket]) {
        bucket++;
      }
      buckets[bucket].increment();
      sum.add(value);
    }
  }

  @Override
  String type() {
    return "histogram";
  }

  @Override
  void writeSamples(ExpositionWriter out) {
    List<String> bucketLabels = new ArrayList<>(labelNames());
    bucketLabels.add("le");
    children.forEach(
        (values, child) -> {
          long cumulative = 0;
          List<String> bucketValues = new ArrayList<>(values);
          bucketValues.add("");
          for (int i = 0; i < child.buckets.length; i++) {
            cumulative += child.buckets[i].sum();
            String bound = i < bounds.length ? ExpositionWriter.format(bounds[i]) : "+Inf";
            bucketValues.set(bucketValues.size() - 1, bound);
            out.sample(name() + "_bucket", bucketLabels, bucketValues, cumulative);
          }
          out.sample(name() + "_sum", labelNames(), values, child.sum.sum());
          out.sample(name() + "_count", labelNames(), values, cumulative);
        });
  }
}
