package io.metasync.master.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format 0.0.4, for tests: it refuses what Prometheus
 * refuses (bad names, bad escapes, a sample before its family's {@code # TYPE}, a family split in
 * two, a repeated series) and checks each histogram's shape (cumulative buckets ending at {@code
 * +Inf}, which equals {@code _count}).
 */
final class PrometheusTextParser {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern TYPE_LINE = Pattern.compile("# TYPE (\\S+) (\\S+)");
  private static final Pattern HELP_LINE = Pattern.compile("# HELP (\\S+)(?: (.*))?");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  record Sample(String name, Map<String, String> labels, double value) {}

  record Family(String name, String type, String help, List<Sample> samples) {
    /** The one sample named {@code name} with exactly these labels; fails when there is none. */
    double value(String sampleName, Map<String, String> labels) {
      return samples.stream()
          .filter(sample -> sample.name().equals(sampleName) && sample.labels().equals(labels))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no sample " + sampleName + labels + " in " + this))
          .value();
    }

    /** The sum of the samples named {@code sampleName} whose labels include {@code labels}. */
    double sum(String sampleName, Map<String, String> labels) {
      return samples.stream()
          .filter(sample -> sample.name().equals(sampleName))
          .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
          .mapToDouble(Sample::value)
          .sum();
    }
  }

  private PrometheusTextParser() {}

  /**
   * @throws IllegalArgumentException naming the line that breaks the format
   */
  static Map<String, Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition does not end with a line feed");
    }
    Map<String, Family> families = new LinkedHashMap<>();
    Map<String, String> helps = new TreeMap<>();
    Set<String> series = new HashSet<>();
    Family current = null;
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + number + " '" + line + "': ";
      if (line.startsWith("#")) {
        Matcher type = TYPE_LINE.matcher(line);
        Matcher help = HELP_LINE.matcher(line);
        if (type.matches()) {
          String name = checkName(type.group(1), where);
          if (families.containsKey(name)) {
            throw new IllegalArgumentException(where + "a second TYPE for " + name);
          }
          if (!TYPES.contains(type.group(2))) {
            throw new IllegalArgumentException(where + "unknown type " + type.group(2));
          }
          current = new Family(name, type.group(2), helps.get(name), new ArrayList<>());
          families.put(name, current);
        } else if (help.matches()) {
          String name = checkName(help.group(1), where);
          if (helps.put(name, unescape(help.group(2) == null ? "" : help.group(2), false, where))
              != null) {
            throw new IllegalArgumentException(where + "a second HELP for " + name);
          }
        }
        continue;
      }
      Sample sample = parseSample(line, where);
      if (current == null || !belongsTo(sample.name(), current)) {
        throw new IllegalArgumentException(
            where + "a sample outside its family's block (or before its TYPE)");
      }
      if (!series.add(sample.name() + sample.labels())) {
        throw new IllegalArgumentException(where + "a repeated series");
      }
      current.samples().add(sample);
    }
    Map<String, Family> result = new LinkedHashMap<>();
    families.forEach(
        (name, family) -> {
          Family withHelp =
              new Family(name, family.type(), helps.get(name), List.copyOf(family.samples()));
          if (withHelp.type().equals("histogram")) {
            checkHistogram(withHelp);
          }
          result.put(name, withHelp);
        });
    return result;
  }

  private static boolean belongsTo(String sampleName, Family family) {
    if (family.type().equals("histogram")) {
      return sampleName.equals(family.name() + "_bucket")
          || sampleName.equals(family.name() + "_sum")
          || sampleName.equals(family.name() + "_count");
    }
    return sampleName.equals(family.name());
  }

  private static String checkName(String name, String where) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + "bad metric name " + name);
    }
    return name;
  }

  private static Sample parseSample(String line, String where) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new TreeMap<>();
    String name;
    String rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      int position = brace + 1;
      while (line.charAt(position) != '}') {
        int equals = line.indexOf("=\"", position);
        if (equals < 0) {
          throw new IllegalArgumentException(where + "a label without =\"");
        }
        String label = line.substring(position, equals);
        if (!LABEL_NAME.matcher(label).matches()) {
          throw new IllegalArgumentException(where + "bad label name " + label);
        }
        StringBuilder raw = new StringBuilder();
        int i = equals + 2;
        while (line.charAt(i) != '"') {
          if (line.charAt(i) == '\\') {
            raw.append(line.charAt(i)).append(line.charAt(i + 1));
            i += 2;
          } else {
            raw.append(line.charAt(i++));
          }
        }
        if (labels.put(label, unescape(raw.toString(), true, where)) != null) {
          throw new IllegalArgumentException(where + "label " + label + " twice");
        }
        position = i + 1;
        if (line.charAt(position) == ',') {
          position++;
        } else if (line.charAt(position) != '}') {
          throw new IllegalArgumentException(where + "expected , or } after a label");
        }
      }
      if (line.charAt(position + 1) != ' ') {
        throw new IllegalArgumentException(where + "expected a space before the value");
      }
      rest = line.substring(position + 2);
    } else {
      if (space < 0) {
        throw new IllegalArgumentException(where + "no value");
      }
      name = line.substring(0, space);
      rest = line.substring(space + 1);
    }
    checkName(name, where);
    String[] fields = rest.split(" ");
    if (fields.length > 2) {
      throw new IllegalArgumentException(where + "more than a value and a timestamp");
    }
    return new Sample(name, Map.copyOf(labels), parseValue(fields[0], where));
  }

  private static double parseValue(String text, String where) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + "bad value " + text);
        }
      }
    };
  }

  /**
   * Label values may escape {@code \\}, {@code \"} and {@code \n}; help text only the first and
   * last.
   */
  private static String unescape(String text, boolean labelValue, String where) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case '"' -> {
          if (!labelValue) {
            throw new IllegalArgumentException(where + "\\\" in help text");
          }
          out.append('"');
        }
        default -> throw new IllegalArgumentException(where + "bad escape \\" + next);
      }
      i++;
    }
    return out.toString();
  }

  private static void checkHistogram(Family family) {
    Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
    for (Sample sample : family.samples()) {
      if (sample.name().endsWith("_bucket")) {
        Map<String, String> series = new TreeMap<>(sample.labels());
        if (series.remove("le") == null) {
          throw new IllegalArgumentException(family.name() + ": a bucket without le");
        }
        buckets.computeIfAbsent(series, key -> new ArrayList<>()).add(sample);
      }
    }
    buckets.forEach(
        (series, samples) -> {
          double previousBound = Double.NEGATIVE_INFINITY;
          double previousCount = 0;
          for (Sample bucket : samples) {
            double bound = parseValue(bucket.labels().get("le"), family.name() + ": ");
            if (bound <= previousBound || bucket.value() < previousCount) {
              throw new IllegalArgumentException(
                  family.name() + series + ": buckets not increasing at le=" + bound);
            }
            previousBound = bound;
            previousCount = bucket.value();
          }
          if (previousBound != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(family.name() + series + ": no +Inf bucket");
          }
          if (family.value(family.name() + "_count", series) != previousCount) {
            throw new IllegalArgumentException(family.name() + series + ": _count is not +Inf");
          }
          family.value(family.name() + "_sum", series);
        });
  }
}
