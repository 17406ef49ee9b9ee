package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.AbstractUnderFileSystemTest;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UFS contract on a local folder, plus what only a local folder has: sockets, users (links: see
 * {@link LocalUnderFileSystemLinksTest}).
 */
class LocalUnderFileSystemTest extends AbstractUnderFileSystemTest {
  @TempDir Path root;

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    return new LocalUnderFileSystemFactory().create(root.toUri(), Map.of());
  }

  @Test
  void mkdirOfAnExistingEmptyFolderIsAlreadyExists() throws IOException {
    Files.createDirectory(root.resolve("empty"));

    assertThatThrownBy(() -> ufs().mkdir("/empty", 0755))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }

  @Test
  void statusMatchesWhatTheFileSystemSays() throws IOException {
    Path file = Files.writeString(root.resolve("f"), "twelve bytes");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_234_567_000L));

    UfsStatus status = status("/f");

    assertThat(status.length()).isEqualTo(12);
    assertThat(status.mode()).isEqualTo(0640);
    assertThat(status.lastModifiedMs()).isEqualTo(1_234_567_000L);
    assertThat(status.owner()).isEqualTo(Files.getOwner(file).getName());
    assertThat(status.contentHash()).isEmpty();
  }

  @Test
  void modificationTimeAloneIsAContentChange() throws IOException {
    Path file = Files.writeString(root.resolve("f"), "same bytes");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));
    UfsStatus before = status("/f");

    Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000L));

    assertThat(before.fingerprint().compare(status("/f").fingerprint()))
        .isEqualTo(Fingerprint.Change.CONTENT);
  }

  @Test
  void socketIsAbsent() throws IOException {
    Path socket = root.resolve("socket");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      assertThat(Files.exists(socket)).isTrue();
      assertThat(ufs().getStatus("/socket")).isEmpty();
      assertThat(names("/")).isEmpty();
      assertThatThrownBy(() -> ufs().open("/socket", 0)).isInstanceOf(FileNotFoundException.class);
    }
  }

  @Test
  void entryDeletedWhileListingIsSkipped() throws IOException {
    for (String name : List.of("a", "b", "c", "d")) {
      Files.writeString(root.resolve(name), name);
    }
    List<String> seen = new ArrayList<>();

    try (UfsListing listing = ufs().list("/")) {
      seen.add(listing.next().name());
      Files.delete(root.resolve("c"));
      while (listing.hasNext()) {
        seen.add(listing.next().name());
      }
    }

    assertThat(seen).containsExactly("a", "b", "d");
  }

  @Test
  void recursiveDeleteOfLinkToFolderKeepsTheFolder() throws IOException {
    Path outside = Files.createDirectory(root.resolve("outside"));
    Files.writeString(outside.resolve("precious"), "keep me");
    ufs().mkdir("/d", 0755);
    Files.createSymbolicLink(root.resolve("d/link"), outside);

    ufs().delete("/d", true);

    assertThat(Files.exists(root.resolve("d"))).isFalse();
    assertThat(outside.resolve("precious")).hasContent("keep me");
  }

  @Test
  void recursiveDeleteReportsEveryEntryAsItDeletesIt() throws IOException {
    Path top = Files.createDirectories(root.resolve("tree/a/b"));
    Files.createDirectories(root.resolve("tree/c"));
    for (int i = 0; i < 100; i++) {
      Files.createFile(root.resolve("tree/f" + i));
      Files.createFile(root.resolve("tree/a/b/f" + i));
      Files.createFile(root.resolve("tree/c/f" + i));
    }
    Files.createSymbolicLink(top.resolve("link"), root);
    List<Long> reports = new ArrayList<>();
    List<Boolean> topExistedAtReport = new ArrayList<>();

    ufs()
        .delete(
            "/tree",
            true,
            entries -> {
              reports.add(entries);
              topExistedAtReport.add(Files.exists(root.resolve("tree")));
            });

    // 300 files, the link, the folders a, a/b, c and tree itself
    assertThat(reports).hasSize(305).containsOnly(1L);
    // reported as it goes: the tree is still there at every report but the last
    assertThat(topExistedAtReport.subList(0, 304)).containsOnly(true);
    assertThat(topExistedAtReport.get(304)).isFalse();
    assertThat(root.resolve("tree")).doesNotExist();
    assertThat(root).isDirectory();
  }

  @Test
  void deleteOfOneEntryReportsOneAndAFailedDeleteReportsNone() throws IOException {
    Files.createFile(root.resolve("f"));
    Files.createDirectories(root.resolve("d/sub"));
    List<Long> reports = new ArrayList<>();

    ufs().delete("/f", false, reports::add);
    assertThatThrownBy(() -> ufs().delete("/f", true, reports::add))
        .isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> ufs().delete("/d", false, reports::add))
        .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class);

    assertThat(reports).containsExactly(1L);
    assertThat(root.resolve("d/sub")).isDirectory();
  }

  @Test
  void pathsThatAreNotNormalizedAreRefused() {
    for (String path : List.of("a", "", "/../x", "/a/../../x", "/a/./b", "/a//b", "/a/", "/..")) {
      assertThatThrownBy(() -> ufs().getStatus(path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + path + "'");
    }
  }

  @Test
  void rootCannotBeDeletedOrRenamed() {
    assertThatThrownBy(() -> ufs().delete("/", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThatThrownBy(() -> ufs().rename("/", "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThat(Files.isDirectory(root)).isTrue();
  }

  @Test
  void modeAboveRangeIsRefused() {
    assertThatThrownBy(() -> ufs().mkdir("/d", 010000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10000");
  }

  @Test
  void listingOfUnreadableFolderIsAccessDeniedUnlessSuperuser() throws IOException {
    ufs().mkdir("/locked", 0700);
    write("/locked/f", new byte[0], 0644);
    ufs().setMode("/locked", 0000);

    // The superuser reads any folder; everyone else must be refused. Ask the OS which we are.
    try {
      if (Files.isReadable(root.resolve("locked"))) {
        assertThat(names("/locked")).containsExactly("f");
      } else {
        assertThatThrownBy(() -> ufs().list("/locked")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ufs().getStatus("/locked/f"))
            .isInstanceOf(AccessDeniedException.class);
      }
    } finally {
      ufs().setMode("/locked", 0700);
    }
  }

  @Test
  void givingFileToAnotherUserIsAccessDeniedUnlessSuperuser() throws IOException {
    write("/f", new byte[0], 0644);
    String other = System.getProperty("user.name").equals("root") ? "nobody" : "root";

    if (System.getProperty("user.name").equals("root")) {
      ufs().setOwner("/f", other, null);
      assertThat(status("/f").owner()).isEqualTo(other);
    } else {
      assertThatThrownBy(() -> ufs().setOwner("/f", other, null))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void unknownUserOrGroupIsRefusedNamingItAndChangesNothing() throws IOException {
    write("/f", new byte[0], 0644);
    UfsStatus before = status("/f");

    assertThatThrownBy(() -> ufs().setOwner("/f", before.owner(), "no-such-group-x7"))
        .isInstanceOf(UserPrincipalNotFoundException.class)
        .hasMessage("no group 'no-such-group-x7' on this machine");
    assertThatThrownBy(() -> ufs().setOwner("/f", "no-such-user-x7", null))
        .isInstanceOf(UserPrincipalNotFoundException.class)
        .hasMessageContaining("no user 'no-such-user-x7'");
    assertThat(status("/f")).isEqualTo(before);
  }

  @Test
  void specialModeBitsAreDropped() throws IOException {
    ufs().mkdir("/sticky", 01777);

    assertThat(status("/sticky").mode()).isEqualTo(0777);
  }

  @Test
  void notFoundMessageNamesTheUri() {
    assertThatThrownBy(() -> ufs().open("/no such", 0))
        .hasMessageContaining(ufs().uriOf("/no such").toString())
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> ufs().rename("/no such", "/x"))
        .hasMessageContaining(ufs().uriOf("/no such").toString());
  }

  @Test
  void renameIntoMissingParentSaysSo() throws IOException {
    write("/a", new byte[0], 0644);

    assertThatThrownBy(() -> ufs().rename("/a", "/missing/b"))
        .hasMessageContaining(ufs().uriOf("/missing/b").toString())
        .hasMessageContaining("parent folder does not exist");
  }

  @Test
  void writesBelowAFileAreFileNotFound() throws IOException {
    write("/f", new byte[0], 0644);

    assertThatThrownBy(() -> ufs().mkdir("/f/d", 0755)).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> ufs().create("/f/g", 0644)).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> ufs().list("/f/d")).isInstanceOf(FileNotFoundException.class);
  }
}
