package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedNamesTest {
  @TempDir Path spillFolder;

  @Test
  void manyRunsMergeIntoStringOrderWithEveryName() throws IOException {
    Random random = new Random(42);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(6);
      for (int c = 0; c < length; c++) {
        // ASCII, Latin-1, BMP above the surrogates, and supplementary characters
        switch (random.nextInt(4)) {
          case 0 -> name.append((char) ('a' + random.nextInt(26)));
          case 1 -> name.append((char) (0xC0 + random.nextInt(64)));
          case 2 -> name.append((char) (0xFF00 + random.nextInt(0xFF)));
          default -> name.appendCodePoint(0x1F600 + random.nextInt(64));
        }
      }
      names.add(name.toString());
    }
    names.add("same");
    names.add("same");

    List<String> merged = new ArrayList<>();
    try (SortedNames sorted = SortedNames.read(names.iterator(), 97, spillFolder)) {
      assertThat(sorted.spilledRuns()).isEqualTo(names.size() / 97);
      while (sorted.hasNext()) {
        merged.add(sorted.next());
      }
    }

    List<String> expected = new ArrayList<>(names);
    expected.sort(String::compareTo);
    assertThat(merged).containsExactlyElementsOf(expected);
    assertThat(entries()).isEmpty();
  }

  @Test
  void failureWhileReadingNamesDeletesTheRunsWritten() {
    Iterator<String> failing =
        new Iterator<>() {
          int given;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public String next() {
            if (given == 10) {
              throw new IllegalStateException("directory read failed");
            }
            return "n" + given++;
          }
        };

    assertThatThrownBy(() -> SortedNames.read(failing, 3, spillFolder))
        .hasMessage("directory read failed");
    assertThat(entries()).isEmpty();
  }

  @Test
  void emptyInputHasNoNames() throws IOException {
    try (SortedNames sorted = SortedNames.read(List.<String>of().iterator(), 3, spillFolder)) {
      assertThat(sorted.hasNext()).isFalse();
      assertThat(sorted.spilledRuns()).isZero();
    }
  }

  private List<Path> entries() {
    try (Stream<Path> entries = Files.list(spillFolder)) {
      return entries.toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
