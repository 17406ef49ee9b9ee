package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.ArrayList;
import java.util.List;

/**
 * Paired 1-thread rounds of calls that keep each slice's latency quantiles beside its throughput,
 * so that one alternation gives three comparable figures: ops/s, p50 and p99.
 */
final class LatencyRounds {
  /** Each figure per measured round, for both sides. */
  record Result(
      PairedRounds.Result throughput,
      PairedRounds.Result p50Micros,
      PairedRounds.Result p99Micros) {}

  private LatencyRounds() {}

  static Result run(
      String label,
      BenchOptions options,
      Ticker ticker,
      Throughput.Call metasync,
      Throughput.Call baseline)
      throws Exception {
    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    List<Throughput.Latencies> ours = new ArrayList<>();
    List<Throughput.Latencies> theirs = new ArrayList<>();
    PairedRounds.Result throughput =
        PairedRounds.run(
            label,
            "ops/s",
            options,
            () -> record(ours, Throughput.singleThread(metasync, sliceNanos, ticker)),
            () -> record(theirs, Throughput.singleThread(baseline, sliceNanos, ticker)));
    List<Throughput.Latencies> measuredOurs = ours.subList(options.warmupRounds(), ours.size());
    List<Throughput.Latencies> measuredTheirs =
        theirs.subList(options.warmupRounds(), theirs.size());
    return new Result(
        throughput,
        new PairedRounds.Result(
            measuredOurs.stream().map(Throughput.Latencies::p50Micros).toList(),
            measuredTheirs.stream().map(Throughput.Latencies::p50Micros).toList()),
        new PairedRounds.Result(
            measuredOurs.stream().map(Throughput.Latencies::p99Micros).toList(),
            measuredTheirs.stream().map(Throughput.Latencies::p99Micros).toList()));
  }

  private static double record(List<Throughput.Latencies> slices, Throughput.Latencies slice) {
    slices.add(slice);
    return slice.callsPerSecond();
  }
}
