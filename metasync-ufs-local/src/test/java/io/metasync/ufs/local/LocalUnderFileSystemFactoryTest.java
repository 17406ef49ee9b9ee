package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUnderFileSystemFactoryTest {
  @TempDir Path folder;

  private final LocalUnderFileSystemFactory factory = new LocalUnderFileSystemFactory();

  @Test
  void servesTheFileScheme() {
    assertThat(factory.scheme()).isEqualTo("file");
  }

  @Test
  void loaderFindsItByScheme() throws IOException {
    Files.writeString(folder.resolve("f"), "x");

    try (UnderFileSystem ufs = new UnderFileSystemLoader().open(folder.toUri(), Map.of())) {
      assertThat(ufs.getStatus("/f")).isPresent();
      assertThat(ufs.rootUri().toString() + "/").isEqualTo(folder.toUri().toString());
    }
  }

  @Test
  void rootThroughALinkIsTheRealFolder() throws IOException {
    Path real = Files.createDirectories(folder.resolve("real/data"));
    Files.writeString(real.resolve("f"), "x");
    Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("real"));

    try (UnderFileSystem ufs = factory.create(link.resolve("data").toUri(), Map.of())) {
      assertThat(ufs.rootUri()).isEqualTo(URI.create("file://" + real));
      assertThat(ufs.uriOf("/f")).isEqualTo(real.resolve("f").toUri());
      assertThat(ufs.getStatus("/f")).isPresent();
    }
  }

  @Test
  void rootThatIsALinkToTheFileSystemRootIsTheFileSystemRoot() throws IOException {
    Path link = Files.createSymbolicLink(folder.resolve("host"), Path.of("/"));

    try (UnderFileSystem ufs = factory.create(link.toUri(), Map.of())) {
      assertThat(ufs.rootUri()).isEqualTo(URI.create("file:///"));
    }
  }

  @Test
  void danglingRootLinkIsFileNotFoundNamingTheUri() throws IOException {
    URI uri =
        Files.createSymbolicLink(folder.resolve("dangling"), folder.resolve("nowhere")).toUri();

    assertThatThrownBy(() -> factory.create(uri, Map.of()))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(uri + " does not exist");
  }

  @Test
  void missingRootIsFileNotFoundNamingTheUri() {
    URI uri = folder.resolve("absent").toUri();

    assertThatThrownBy(() -> factory.create(uri, Map.of()))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(uri + " does not exist");
  }

  @Test
  void fileRootIsFileNotFoundSayingItIsNotADirectory() throws IOException {
    URI uri = Files.writeString(folder.resolve("f"), "x").toUri();

    assertThatThrownBy(() -> factory.create(uri, Map.of()))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(uri + " is not a directory");
  }

  @Test
  void rootWithSpacesAndUnicodeWorks() throws IOException {
    Path odd = Files.createDirectory(folder.resolve("my ünï cødé root"));
    Files.writeString(odd.resolve("a b"), "x");

    try (UnderFileSystem ufs = factory.create(odd.toUri(), Map.of())) {
      assertThat(ufs.getStatus("/a b")).isPresent();
      assertThat(Path.of(ufs.uriOf("/a b"))).isEqualTo(odd.resolve("a b"));
    }
  }

  @Test
  void rootUriWithoutTrailingSlashWorks() throws IOException {
    Files.writeString(folder.resolve("f"), "x");
    URI uri = URI.create("file://" + folder.toUri().getRawPath().replaceAll("/$", ""));

    try (UnderFileSystem ufs = factory.create(uri, Map.of())) {
      assertThat(ufs.getStatus("/f")).isPresent();
      assertThat(ufs.uriOf("/f")).isEqualTo(folder.resolve("f").toUri());
    }
  }

  @Test
  void uriWithAHostIsRefused() {
    assertThatThrownBy(() -> factory.create(URI.create("file://host/data"), Map.of()))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("file://host/data");
  }

  @Test
  void optionsAreRefusedNamingThem() {
    assertThatThrownBy(() -> factory.create(folder.toUri(), Map.of("fs.typo", "1")))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("fs.typo");
  }
}
