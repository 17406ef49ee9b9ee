package io.metasync.ufs.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.SymbolicLinkException;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links planted in a mounted folder, pointing at an {@code /etc}-like folder and at a file outside
 * it, are never followed: listings skip them, {@code getStatus} says they are absent, every other
 * operation through them is refused naming the link, and nothing outside the folder changes.
 */
class LocalUnderFileSystemLinksTest {
  @TempDir Path base;
  private Path root;
  private Path outside;
  private Path secret;
  private UnderFileSystem ufs;
  private Map<String, String> outsideBefore;

  /** How the UFS under test reaches entries; the by-path subclass runs every test that way. */
  LinkFreePaths.Reach reach() {
    return LinkFreePaths.Reach.OPEN_FOLDERS;
  }

  @BeforeEach
  void plantLinks() throws IOException {
    outside = Files.createDirectories(base.resolve("outside"));
    Files.writeString(outside.resolve("passwd"), "root:x:0:0");
    Files.setPosixFilePermissions(
        outside.resolve("passwd"), PosixFilePermissions.fromString("rw-r-----"));
    Files.createDirectories(outside.resolve("conf"));
    Files.writeString(outside.resolve("conf/app.conf"), "key=value");
    secret = Files.writeString(base.resolve("secret.txt"), "do not read");
    outsideBefore = outsideSnapshot();

    root = Files.createDirectories(base.resolve("mount"));
    Files.writeString(root.resolve("plain.txt"), "mine");
    Files.createDirectories(root.resolve("d"));
    Files.writeString(root.resolve("d/inside.txt"), "mine too");
    Files.createSymbolicLink(root.resolve("etc"), outside);
    Files.createSymbolicLink(root.resolve("secret"), secret);
    Files.createSymbolicLink(root.resolve("d/up"), Path.of("../../outside"));
    Files.createSymbolicLink(root.resolve("dangling"), base.resolve("nowhere"));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    ufs =
        new LocalUnderFileSystem(
            LocalUnderFileSystemFactory.folderUri(root),
            root,
            SortedNames.DEFAULT_RUN_SIZE,
            base,
            reach());
  }

  @AfterEach
  void nothingOutsideChanged() throws IOException {
    ufs.close();
    assertThat(outsideSnapshot()).isEqualTo(outsideBefore);
    assertThat(base.resolve("nowhere")).doesNotExist();
  }

  private Map<String, String> outsideSnapshot() throws IOException {
    Map<String, String> snapshot = LocalTreeSnapshot.of(outside);
    snapshot.put("secret.txt", LocalTreeSnapshot.of(secret).get(""));
    return snapshot;
  }

  @Test
  void listingsSkipLinks() throws IOException {
    assertThat(names("/")).containsExactly("d", "plain.txt");
    assertThat(names("/d")).containsExactly("inside.txt");
  }

  @Test
  void aLinkAndEveryPathBelowOneAreAbsent() throws IOException {
    for (String path :
        List.of(
            "/etc",
            "/etc/passwd",
            "/etc/conf/app.conf",
            "/secret",
            "/d/up",
            "/d/up/passwd",
            "/dangling",
            "/loop",
            "/loop/x")) {
      assertThat(ufs.getStatus(path)).as(path).isEmpty();
    }
    assertThat(ufs.getStatus("/d/inside.txt")).isPresent();
  }

  @Test
  void readingALinkOrThroughOneIsRefusedNamingTheLink() {
    assertRefused(() -> ufs.open("/secret", 0), "/secret");
    assertRefused(() -> ufs.open("/etc/passwd", 0), "/etc");
    assertRefused(() -> ufs.open("/d/up/conf/app.conf", 0), "/d/up");
    assertRefused(() -> ufs.open("/loop/x", 0), "/loop");
    assertRefused(() -> ufs.list("/etc"), "/etc");
    assertRefused(() -> ufs.list("/etc/conf"), "/etc");
    assertRefused(() -> ufs.list("/d/up"), "/d/up");
  }

  @Test
  void creatingThroughALinkIsRefused() {
    assertRefused(() -> ufs.mkdir("/etc/new", 0755), "/etc");
    assertRefused(() -> ufs.mkdir("/etc/conf/new", 0755), "/etc");
    assertRefused(() -> ufs.mkdir("/etc", 0755), "/etc");
    assertRefused(() -> create("/etc/new.txt"), "/etc");
    assertRefused(() -> create("/d/up/conf/new.txt"), "/d/up");
    assertRefused(() -> create("/secret"), "/secret");
    // O_CREAT through a dangling link would create its target outside
    assertRefused(() -> create("/dangling"), "/dangling");
  }

  @Test
  void modeAndOwnerChangesThroughALinkAreRefused() throws IOException {
    UfsStatus mine = ufs.getStatus("/plain.txt").orElseThrow();

    assertRefused(() -> ufs.setMode("/secret", 0777), "/secret");
    assertRefused(() -> ufs.setMode("/etc", 0777), "/etc");
    assertRefused(() -> ufs.setMode("/etc/passwd", 0666), "/etc");
    assertRefused(() -> ufs.setOwner("/etc/passwd", mine.owner(), mine.group()), "/etc");
    assertRefused(() -> ufs.setOwner("/secret", mine.owner(), null), "/secret");
    assertRefused(() -> ufs.setOwner("/d/up", null, null), "/d/up");
  }

  @Test
  void renamesFromOrIntoALinkAreRefused() {
    assertRefused(() -> ufs.rename("/etc/passwd", "/stolen"), "/etc");
    assertRefused(() -> ufs.rename("/secret", "/stolen"), "/secret");
    assertRefused(() -> ufs.rename("/etc", "/etc2"), "/etc");
    assertRefused(() -> ufs.rename("/plain.txt", "/etc/planted"), "/etc");
    assertRefused(() -> ufs.rename("/d/inside.txt", "/d/up/conf/planted"), "/d/up");
    assertRefused(() -> ufs.rename("/plain.txt", "/dangling"), "/dangling");

    assertThat(root.resolve("plain.txt")).hasContent("mine");
    assertThat(root.resolve("etc")).isSymbolicLink();
  }

  @Test
  void deletingALinkOrThroughOneIsRefused() {
    assertRefused(() -> ufs.delete("/etc/passwd", false), "/etc");
    assertRefused(() -> ufs.delete("/etc/conf", true), "/etc");
    assertRefused(() -> ufs.delete("/etc", true), "/etc");
    assertRefused(() -> ufs.delete("/secret", false), "/secret");
    assertRefused(() -> ufs.delete("/d/up", true), "/d/up");

    assertThat(root.resolve("etc")).isSymbolicLink();
    assertThat(root.resolve("d/up")).isSymbolicLink();
  }

  @Test
  void recursiveDeleteOfAFolderHoldingLinksUnlinksThemOnly() throws IOException {
    Files.createSymbolicLink(root.resolve("d/secret"), secret);
    List<Long> reports = new ArrayList<>();

    ufs.delete("/d", true, reports::add);

    assertThat(root.resolve("d")).doesNotExist();
    // inside.txt, the two links and d itself
    assertThat(reports).hasSize(4);
    assertThat(root.resolve("etc")).isSymbolicLink();
  }

  @Test
  void aFolderReplacedByALinkBehindOurBackIsNoLongerFollowed() throws IOException {
    assertThat(names("/d")).containsExactly("inside.txt");
    Files.move(root.resolve("d"), base.resolve("moved-away"));
    Files.createSymbolicLink(root.resolve("d"), outside);

    assertThat(ufs.getStatus("/d/passwd")).isEmpty();
    assertRefused(() -> ufs.list("/d"), "/d");
    assertRefused(() -> ufs.delete("/d", true), "/d");
    assertRefused(() -> ufs.setMode("/d/passwd", 0777), "/d");
  }

  @Test
  void theMessageSaysWhatIsRefusedAndWhy() {
    assertThatThrownBy(() -> ufs.open("/etc/passwd", 0))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            ufs.uriOf("/etc")
                + " is a symbolic link; metasync does not follow links in a local mount");
  }

  private void assertRefused(ThrowingCallable call, String link) {
    Consumer<Throwable> namesTheLink =
        e -> assertThat(e).hasMessageStartingWith(ufs.uriOf(link) + " is a symbolic link");
    assertThatThrownBy(call).isInstanceOf(SymbolicLinkException.class).satisfies(namesTheLink);
  }

  private void create(String path) throws IOException {
    try (OutputStream out = ufs.create(path, 0644)) {
      out.write("planted".getBytes(UTF_8));
    }
  }

  private List<String> names(String path) throws IOException {
    List<String> names = new ArrayList<>();
    try (UfsListing listing = ufs.list(path)) {
      while (listing.hasNext()) {
        names.add(listing.next().name());
      }
    }
    return names;
  }
}
