package io.metasync.master.metrics;

/** Where a metric read at scrape time puts one sample per combination of label values. */
@FunctionalInterface
public interface Samples {
  /** One sample; the label values in the order of the metric's label names. */
  void add(double value, String... labelValues);
}
