package io.metasync.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows every scenario adds, printed at the end as Markdown tables, one per scenario. */
final class ResultTable {
  /**
   * One compared figure.
   *
   * @param reference the figure STACK.md gives for this case (Alluxio 2.9.6 or a floor), or "–"
   */
  record Row(
      String scenario,
      String what,
      String unit,
      Summary metasync,
      Summary baseline,
      Summary ratio,
      String reference) {}

  /**
   * One figure measured on its own (no baseline run beside it), e.g. a latency distribution.
   *
   * @param reference what STACK.md gives for this case, or "–"
   */
  record Figure(String scenario, String what, String value, String reference) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(
      String scenario, String what, String unit, PairedRounds.Result result, String reference) {
    rows.add(
        new Row(
            scenario,
            what,
            unit,
            Summary.of(result.metasync()),
            Summary.of(result.baseline()),
            Summary.of(result.ratios()),
            reference));
  }

  void figure(String scenario, String what, String value, String reference) {
    figures.add(new Figure(scenario, what, value, reference));
  }

  /** A line printed under the tables (fixture creation time, heap per inode, ...). */
  void note(String format, Object... args) {
    notes.add(String.format(Locale.ROOT, format, args));
  }

  void print(PrintStream out) {
    String scenario = null;
    for (Row row : rows) {
      if (!row.scenario().equals(scenario)) {
        scenario = row.scenario();
        out.println();
        out.println("### " + scenario);
        out.println();
        out.println(
            "| case | unit | metasync: median (min–max) | baseline, same run: median (min–max)"
                + " | ratio metasync/baseline: median (min–max) | STACK.md reference |");
        out.println("| --- | --- | --- | --- | --- | --- |");
      }
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s |%n",
          row.what(),
          row.unit(),
          spread(row.metasync()),
          spread(row.baseline()),
          ratioSpread(row.ratio()),
          row.reference());
    }
    scenario = null;
    for (Figure figure : figures) {
      if (!figure.scenario().equals(scenario)) {
        scenario = figure.scenario();
        out.println();
        out.println("### " + scenario);
        out.println();
        out.println("| figure | metasync | STACK.md reference |");
        out.println("| --- | --- | --- |");
      }
      out.printf(
          Locale.ROOT, "| %s | %s | %s |%n", figure.what(), figure.value(), figure.reference());
    }
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(note -> out.println("- " + note));
    }
    out.flush();
  }

  private static String spread(Summary summary) {
    return number(summary.median())
        + " ("
        + number(summary.min())
        + "–"
        + number(summary.max())
        + ")";
  }

  private static String ratioSpread(Summary summary) {
    return String.format(
        Locale.ROOT, "**%.2f** (%.2f–%.2f)", summary.median(), summary.min(), summary.max());
  }

  /** Three significant digits or so, thousands separated: 0.123, 12.3, 1,234. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
