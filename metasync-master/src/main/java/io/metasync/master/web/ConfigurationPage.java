package io.metasync.master.web;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code /configuration}: every key's value in effect and whether it was set or is the default,
 * then the path configuration ({@code fs pathConf}): the keys set on paths for the calls below. A
 * key that names a secret, password, token or key has its value masked, so that no secret that
 * reaches the configuration is shown.
 */
final class ConfigurationPage {
  static final String MASKED = "(hidden)";
  private static final List<String> HEADERS = List.of("Key", "Value", "Source");
  private static final List<String> PATH_HEADERS = List.of("Path", "Key", "Value");

  private final MasterView view;

  ConfigurationPage(MasterView view) {
    this.view = view;
  }

  /**
   * Broader than a mount option's test (only the end of the key counts there): a configuration page
   * that hides a harmless value costs little, one that shows a secret costs much.
   */
  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Stream.of("secret", "password", "token", "credential").anyMatch(lower::contains)
        || lower.endsWith(".key")
        || lower.contains(".key.");
  }

  String render() {
    MetasyncConfiguration conf = view.conf();
    Map<String, List<String>> rows = new TreeMap<>();
    for (PropertyKey key : PropertyKey.values()) {
      rows.put(
          key.key(),
          List.of(key.key(), shown(key.key(), conf.get(key)), conf.isSet(key) ? "set" : "default"));
    }
    conf.proxyUserSettings()
        .forEach((key, value) -> rows.put(key, List.of(key, shown(key, value), "set")));
    String body =
        "<h2>Configuration in effect</h2>"
            + Html.table("configuration", HEADERS, new ArrayList<>(rows.values()), "no keys")
            + "<p class=\"muted\">Values of keys that name a secret, password, token or key show"
            + " as "
            + MASKED
            + ". See docs/configuration.md for each key.</p>"
            + "<h2>Path configuration</h2>"
            + Html.table(
                "path-configuration",
                PATH_HEADERS,
                pathRows(),
                "no path sets a key (bin/metasync fs pathConf set PATH KEY=VALUE)")
            + "<p class=\"muted\">A call on a path or below it that does not set a key itself"
            + " uses the value of the deepest path that sets it.</p>";
    return Html.page("/configuration", body, "");
  }

  private List<List<String>> pathRows() {
    List<List<String>> rows = new ArrayList<>();
    view.pathConf()
        .get()
        .forEach(
            (path, keys) ->
                new TreeMap<>(keys)
                    .forEach(
                        (key, value) ->
                            rows.add(List.of(path.toString(), key, shown(key, value)))));
    return rows;
  }

  private static String shown(String key, String value) {
    return isSecret(key) ? MASKED : value;
  }
}
