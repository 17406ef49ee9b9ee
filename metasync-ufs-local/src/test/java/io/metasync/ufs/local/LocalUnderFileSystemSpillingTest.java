package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local UFS suite again with runs of 3 names, so that every listing of more than 3
 * entries is sorted through temporary files and merged; plus order and clean-up checks.
 */
class LocalUnderFileSystemSpillingTest extends LocalUnderFileSystemTest {
  private static final int RUN_SIZE = 3;

  @TempDir Path spillFolder;

  @Override
  protected UnderFileSystem newUnderFileSystem() {
    return new LocalUnderFileSystem(root.toUri(), root, RUN_SIZE, spillFolder);
  }

  @AfterEach
  void noTemporaryFileIsLeft() throws IOException {
    assertThat(spillFolderEntries()).isEmpty();
  }

  @Test
  void wideFolderIsListedInStringOrderThroughSeveralRuns() throws IOException {
    // UTF-8 (and signed-byte) order differs from String order: U+FFFD is one char (0xFFFD) and
    // sorts after U+1F600, a surrogate pair starting 0xD83D; in UTF-8 it is EF BF BD, before F0.
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add(String.format("f%03d", 39 - i));
    }
    names.addAll(
        List.of("\uFFFD", "\uD83D\uDE00", "z\uFFFDa", "z\uD83D\uDE00a", "é", "E", "e", "Ω", "~"));
    for (String name : names) {
      Files.createFile(root.resolve(name));
    }
    List<String> expected = new ArrayList<>(names);
    expected.sort(String::compareTo);

    List<String> listed = new ArrayList<>();
    try (UfsListing listing = newUnderFileSystem().list("/")) {
      while (listing.hasNext()) {
        listed.add(listing.next().name());
      }
      assertThat(spillFolderEntries()).hasSizeGreaterThan(5);
    }

    assertThat(listed).containsExactlyElementsOf(expected);
    assertThat(listed.indexOf("\uD83D\uDE00")).isLessThan(listed.indexOf("\uFFFD"));
  }

  @Test
  void listingClosedEarlyDeletesItsRuns() throws IOException {
    for (int i = 0; i < 10; i++) {
      Files.createFile(root.resolve("f" + i));
    }
    try (UfsListing listing = newUnderFileSystem().list("/")) {
      UfsStatus first = listing.next();
      assertThat(first.name()).isEqualTo("f0");
      assertThat(spillFolderEntries()).isNotEmpty();
    }
  }

  @Test
  void folderOfOneRunWritesNoFile() throws IOException {
    for (int i = 0; i < RUN_SIZE; i++) {
      Files.createFile(root.resolve("f" + i));
    }
    try (UfsListing listing = newUnderFileSystem().list("/")) {
      assertThat(spillFolderEntries()).isEmpty();
      assertThat(listing.next().name()).isEqualTo("f0");
    }
  }

  @Test
  void failingToSpillLeavesNoFileAndIsAnError() throws IOException {
    for (int i = 0; i < 10; i++) {
      Files.createFile(root.resolve("f" + i));
    }
    Path missing = spillFolder.resolve("missing");
    UnderFileSystem ufs = new LocalUnderFileSystem(root.toUri(), root, RUN_SIZE, missing);

    assertThatThrownBy(() -> ufs.list("/")).isInstanceOf(IOException.class);
    assertThat(Files.exists(missing)).isFalse();
  }

  private List<Path> spillFolderEntries() throws IOException {
    try (Stream<Path> entries = Files.list(spillFolder)) {
      return entries.toList();
    }
  }
}
