package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the master's packages free of cycles (issue 15): the journal is a plain log that knows no
 * state, and each package depends only on those below it. Read from the sources' imports.
 */
class PackageCycleTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?(io\\.metasync\\.master(?:\\.[a-z]+)*)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void noPackageOfTheMasterDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> imports = packageImports();
    assertThat(imports).containsKey("io.metasync.master.journal");

    List<String> cycles = new ArrayList<>();
    for (String start : imports.keySet()) {
      if (reaches(imports, start, start)) {
        cycles.add(start + " -> " + imports.get(start));
      }
    }
    assertThat(cycles).as("packages on a cycle").isEmpty();
  }

  @Test
  void theJournalKnowsNoState() throws IOException {
    assertThat(packageImports().getOrDefault("io.metasync.master.journal", Set.of())).isEmpty();
  }

  private static boolean reaches(Map<String, Set<String>> imports, String from, String target) {
    Set<String> seen = new HashSet<>();
    List<String> pending = new ArrayList<>(imports.getOrDefault(from, Set.of()));
    while (!pending.isEmpty()) {
      String next = pending.remove(pending.size() - 1);
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next)) {
        pending.addAll(imports.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  private static Map<String, Set<String>> packageImports() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve("io/metasync/master"))) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(
              file -> {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = imports.computeIfAbsent(pkg, key -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(read(file));
                while (matcher.find()) {
                  if (!matcher.group(1).equals(pkg)) {
                    used.add(matcher.group(1));
                  }
                }
              });
    }
    return imports;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
