package io.metasync.master.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes metric families in the Prometheus text format, version 0.0.4: a {@code # HELP} and a
 * {@code # TYPE} line per family, then one line per sample, label values and help text escaped as
 * the format says (backslash, double quote in label values, line feed).
 */
final class ExpositionWriter {
  private final StringBuilder out = new StringBuilder();

  void header(String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  void sample(String name, List<String> labelNames, List<String> labelValues, double value) {
    out.append(name);
    if (!labelNames.isEmpty()) {
      out.append('{');
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labelNames.get(i)).append("=\"");
        out.append(escapeLabelValue(labelValues.get(i))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
  }

  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static String escapeLabelValue(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /**
   * Whole numbers without a fraction (counts read better), infinities as the format spells them.
   */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e15) {
      return BigDecimal.valueOf(value)
          .stripTrailingZeros()
          .toPlainString(); // 0.0005, not 5.0E-4, for bucket bounds
    }
    return Double.toString(value);
  }

  String text() {
    return out.toString();
  }
}
