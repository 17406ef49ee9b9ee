package io.metasync.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line split into its {@code -Dkey=value} definitions and everything else. Definitions
 * may appear anywhere (before or after the command, between its arguments), so they are pulled out
 * before picocli sees the rest; after {@code --} nothing is taken as a definition. A later
 * definition of a key wins.
 */
record ScannedArguments(Map<String, String> definitions, List<String> arguments) {
  private static final Pattern DEFINITION = Pattern.compile("-D([^=]+)=(.*)", Pattern.DOTALL);

  ScannedArguments {
    definitions = Map.copyOf(definitions);
    arguments = List.copyOf(arguments);
  }

  static ScannedArguments scan(String... args) {
    Map<String, String> definitions = new LinkedHashMap<>();
    List<String> arguments = new ArrayList<>();
    boolean endOfOptions = false;
    for (String arg : args) {
      Matcher definition = DEFINITION.matcher(arg);
      if (!endOfOptions && definition.matches()) {
        definitions.put(definition.group(1), definition.group(2));
      } else {
        endOfOptions |= arg.equals("--");
        arguments.add(arg);
      }
    }
    return new ScannedArguments(definitions, arguments);
  }

  /** The first argument that is not an option: the command to run, such as {@code master}. */
  Optional<String> command() {
    return arguments.stream().filter(arg -> !arg.startsWith("-")).findFirst();
  }
}
