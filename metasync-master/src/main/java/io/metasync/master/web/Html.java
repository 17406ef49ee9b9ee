package io.metasync.master.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator pages' shared frame (head, style, navigation) and the escaping and formatting every
 * page uses. Everything a page shows passes through {@link #escape}: paths, URIs and error messages
 * come from users and from the UFS.
 */
final class Html {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Navigation: path to label, in order. */
  static final Map<String, String> PAGES = navigation();

  private static Map<String, String> navigation() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/", "Overview");
    pages.put("/mounts", "Mounts");
    pages.put("/sync-points", "Sync points");
    pages.put("/syncs", "Syncs");
    pages.put("/errors", "Errors");
    pages.put("/configuration", "Configuration");
    return Collections.unmodifiableMap(pages);
  }

  /**
   * Narrow screens (a phone) see each table row as a card of label: value lines, so nothing scrolls
   * sideways; wide ones see plain tables. No font, script or style from elsewhere.
   */
  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;\
      background:#f6f7f9}
      header{background:#1f3a5f;color:#fff;padding:.6em 1em}
      header h1{font-size:1.2em;margin:0 0 .3em}
      nav{display:flex;flex-wrap:wrap;gap:.3em .9em}
      nav a{color:#cfe0ff;text-decoration:none}nav a.here{color:#fff;font-weight:bold}
      main{padding:.5em 1em 2em;max-width:80em}
      h2{font-size:1.1em;margin:1.2em 0 .4em}
      table{border-collapse:collapse;width:100%;background:#fff;font-size:.92em}
      .scroll{overflow-x:auto}
      th,td{border:1px solid #d6dae0;padding:.3em .5em;text-align:left;vertical-align:top;\
      overflow-wrap:break-word}
      th{background:#e9edf2}
      .failing{color:#a4161a;font-weight:bold}
      .muted{color:#667}
      dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;background:#fff;\
      padding:.6em;border:1px solid #d6dae0}
      dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
      @media (max-width:40em){
      table,tbody,tr,td{display:block;width:auto}thead{display:none}
      tr{border:1px solid #d6dae0;margin-bottom:.6em;background:#fff}
      td{border:none;border-bottom:1px solid #eef0f3;overflow-wrap:anywhere}
      td::before{content:attr(data-label) ": ";font-weight:bold}
      dl.facts{grid-template-columns:1fr}}
      """;

  private Html() {}

  /** Text made safe for an element's content or a quoted attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A whole page.
   *
   * @param path this page's path, marked in the navigation
   * @param body markup already escaped
   * @param script the page's own script, or empty; it must not load anything from elsewhere
   */
  static String page(String path, String body, String script) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>metasync master: ")
        .append(escape(PAGES.getOrDefault(path, path)))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><header><h1>metasync master</h1><nav>");
    PAGES.forEach(
        (target, label) ->
            html.append("<a href=\"")
                .append(target)
                .append(target.equals(path) ? "\" class=\"here\">" : "\">")
                .append(escape(label))
                .append("</a>"));
    html.append("<a href=\"/metrics\">/metrics</a></nav></header><main>")
        .append(body)
        .append("</main>");
    if (!script.isEmpty()) {
      html.append("<script>").append(script).append("</script>");
    }
    return html.append("</body></html>").toString();
  }

  /** A table of text cells (escaped here), each labelled for the narrow layout. */
  static String table(String id, List<String> headers, List<List<String>> rows, String empty) {
    // A long URI widens its column rather than breaking mid-word; a wide table scrolls by itself.
    StringBuilder html =
        new StringBuilder("<div class=\"scroll\"><table id=\"")
            .append(escape(id))
            .append("\"><thead><tr>");
    headers.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
    html.append("</tr></thead><tbody>");
    if (rows.isEmpty()) {
      html.append("<tr><td class=\"muted\" colspan=\"")
          .append(headers.size())
          .append("\">")
          .append(escape(empty))
          .append("</td></tr>");
    }
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        html.append("<td data-label=\"")
            .append(escape(headers.get(i)))
            .append("\">")
            .append(escape(row.get(i)))
            .append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }

  /** An enum value as the pages show it: {@code INITIAL_SYNC} is "initial sync". */
  static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A duration for people: "850 ms", "12 s", "3 min 4 s", "2 h 5 min", "3 d 4 h". */
  static String duration(long ms) {
    if (ms < 1000) {
      return Math.max(ms, 0) + " ms";
    }
    long seconds = ms / 1000;
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
    return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
  }

  /** A moment, to the second. */
  static String instant(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs));
  }

  /** A moment and how long ago it was; "never" for 0 (the statuses' "not yet"). */
  static String time(long epochMs, long nowMs) {
    if (epochMs == 0) {
      return "never";
    }
    return instant(epochMs) + " (" + duration(nowMs - epochMs) + " ago)";
  }
}
