package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What every command works with: the {@code -D} definitions and the configuration built from them,
 * the output streams, whether a person is watching, and the clock and zone that times are shown in.
 * The configuration is loaded on first use, so {@code --help} works with a broken site file.
 */
final class ShellEnvironment {
  static final String SITE_FILE = "conf/metasync-site.properties";

  private final Map<String, String> definitions;
  private final Path home;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private final ZoneId zone;
  private final Clock clock;
  private MetasyncConfiguration configuration;

  /**
   * @param home the install folder ({@code -Dmetasync.home} among the definitions overrides it)
   * @param interactive whether a terminal is attached, which decides if progress is shown
   */
  ShellEnvironment(
      Map<String, String> definitions,
      Path home,
      PrintStream out,
      PrintStream err,
      boolean interactive,
      ZoneId zone,
      Clock clock) {
    this.definitions = Map.copyOf(definitions);
    String homeDefinition = definitions.get(PropertyKey.HOME.key());
    this.home =
        (homeDefinition == null ? home : Path.of(homeDefinition)).toAbsolutePath().normalize();
    this.out = requireNonNull(out, "out is null");
    this.err = requireNonNull(err, "err is null");
    this.interactive = interactive;
    this.zone = requireNonNull(zone, "zone is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The {@code -Dkey=value} definitions of the command line, metasync's and others. */
  Map<String, String> definitions() {
    return definitions;
  }

  /**
   * The site file of the install folder overridden by the definitions. A value that is valid but
   * probably not meant (a bare number of milliseconds below 1000 for a duration) is warned about on
   * stderr, once.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming a bad key or value and where it came from
   */
  MetasyncConfiguration configuration() {
    if (configuration == null) {
      Map<String, String> overrides = new HashMap<>(definitions);
      overrides.put(PropertyKey.HOME.key(), home.toString());
      configuration = MetasyncConfiguration.load(home.resolve(SITE_FILE), overrides);
      // loaded once per command, so each warning is printed once
      configuration.warnings().forEach(warning -> err.println("Warning: " + warning));
    }
    return configuration;
  }

  /** Whether errors come with their stack trace; decided even when the configuration is bad. */
  boolean debug() {
    try {
      return configuration().getBoolean(PropertyKey.USER_DEBUG);
    } catch (MetasyncException e) {
      return Boolean.parseBoolean(definitions.get(PropertyKey.USER_DEBUG.key()));
    }
  }

  Path home() {
    return home;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  boolean interactive() {
    return interactive;
  }

  ZoneId zone() {
    return zone;
  }

  Clock clock() {
    return clock;
  }
}
