package io.metasync.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs metasync and its baseline alternately in the same JVM: warm-up rounds first (discarded),
 * then measured rounds, swapping which side goes first every round so that neither always runs
 * right after the other's garbage or on a freshly idle machine. The ratio is taken per round, from
 * two figures measured seconds apart, which is what makes it meaningful on a shared, noisy machine.
 */
final class PairedRounds {
  private PairedRounds() {}

  /** What one case measured: a figure per measured round for each side. */
  record Result(List<Double> metasync, List<Double> baseline) {
    Result {
      metasync = List.copyOf(metasync);
      baseline = List.copyOf(baseline);
    }

    /** metasync / baseline, round by round. */
    List<Double> ratios() {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < metasync.size(); i++) {
        ratios.add(metasync.get(i) / baseline.get(i));
      }
      return ratios;
    }
  }

  static Result run(String label, String unit, BenchOptions options, Side metasync, Side baseline)
      throws Exception {
    List<Double> ours = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    int total = options.warmupRounds() + options.measuredRounds();
    for (int round = 0; round < total; round++) {
      boolean warmup = round < options.warmupRounds();
      double a;
      double b;
      if (round % 2 == 0) {
        a = metasync.measure();
        b = baseline.measure();
      } else {
        b = baseline.measure();
        a = metasync.measure();
      }
      Progress.log(
          "%s: %s %d/%d: metasync %s %s, baseline %s %s, ratio %.2f",
          label,
          warmup ? "warm-up" : "round",
          warmup ? round + 1 : round - options.warmupRounds() + 1,
          warmup ? options.warmupRounds() : options.measuredRounds(),
          ResultTable.number(a),
          unit,
          ResultTable.number(b),
          unit,
          a / b);
      if (!warmup) {
        ours.add(a);
        theirs.add(b);
      }
    }
    return new Result(ours, theirs);
  }
}
