package io.metasync.master.metrics;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/** A named metric and its labels' names; each kind writes its own samples. */
abstract class MetricFamily {
  private static final Pattern NAME = Pattern.compile("metasync_[a-z0-9_]*[a-z0-9]");
  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

  private final String name;
  private final String help;
  private final List<String> labelNames;

  MetricFamily(String name, String help, List<String> labelNames) {
    this.name = requireNonNull(name, "name is null");
    this.help = requireNonNull(help, "help is null");
    this.labelNames = List.copyOf(labelNames);
    checkArgument(NAME.matcher(name).matches(), "not a metasync metric name: %s", name);
    for (String label : this.labelNames) {
      checkArgument(
          LABEL.matcher(label).matches() && !label.equals("le"),
          "bad label name %s on %s",
          label,
          name);
    }
  }

  final String name() {
    return name;
  }

  final List<String> labelNames() {
    return labelNames;
  }

  /** {@code counter}, {@code gauge} or {@code histogram}. */
  abstract String type();

  abstract void writeSamples(ExpositionWriter out);

  final void write(ExpositionWriter out) {
    out.header(name, help, type());
    writeSamples(out);
  }

  final List<String> checkedValues(String... values) {
    checkArgument(
        values.length == labelNames.size(),
        "%s takes labels %s, got %s values",
        name,
        labelNames,
        values.length);
    for (String value : values) {
      requireNonNull(value, "label value is null");
    }
    return List.of(values);
  }
}
