package io.metasync.bench;

import java.util.Arrays;
import java.util.List;

/** The median and the spread (smallest, largest) of one figure over the measured rounds. */
record Summary(double median, double min, double max, int rounds) {
  static Summary of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to summarize");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Summary(median, sorted[0], sorted[n - 1], n);
  }

  /**
   * The {@code fraction} quantile (0.5 for p50) of the first {@code count} values, nearest rank.
   */
  static double percentile(long[] values, int count, double fraction) {
    if (count == 0) {
      throw new IllegalArgumentException("no values");
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
  }
}
