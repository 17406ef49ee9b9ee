package io.metasync.ufs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UnderFileSystem}, run against every implementation by a subclass that says
 * how to open one. Each test gets a UFS rooted at a fresh, empty folder and changes it only through
 * the UFS, so the suite runs unchanged against a local folder or a MiniDFSCluster.
 */
public abstract class AbstractUnderFileSystemTest {
  private static final byte[] HELLO = "hello, under file system".getBytes(UTF_8);

  private UnderFileSystem ufs;

  /** A UFS rooted at an empty folder that no other test uses; closed after the test. */
  protected abstract UnderFileSystem newUnderFileSystem() throws IOException;

  protected final UnderFileSystem ufs() {
    return ufs;
  }

  /**
   * The one mode that every entry reports where the UFS stores no modes (an object store: the
   * mount's configured mode), and which {@code setMode} cannot change; empty (the default) where
   * each entry keeps the mode it was created with.
   */
  protected OptionalInt fixedMode() {
    return OptionalInt.empty();
  }

  /** The mode an entry created or set with {@code requested} reports. */
  private int expectedMode(int requested) {
    return fixedMode().orElse(requested);
  }

  @BeforeEach
  final void openUnderFileSystem() throws IOException {
    ufs = newUnderFileSystem();
  }

  @AfterEach
  final void closeUnderFileSystem() throws IOException {
    if (ufs != null) {
      ufs.close();
    }
  }

  // getStatus

  @Test
  void rootIsAnEmptyNamedFolder() throws IOException {
    UfsStatus root = status("/");

    assertThat(root.name()).isEmpty();
    assertThat(root.type()).isEqualTo(FileType.DIRECTORY);
    assertThat(root.length()).isZero();
  }

  @Test
  void fileStatusHasNameLengthAndMode() throws IOException {
    mkdir("/a");
    write("/a/f.txt", HELLO, 0640);

    UfsStatus status = status("/a/f.txt");

    assertThat(status.name()).isEqualTo("f.txt");
    assertThat(status.type()).isEqualTo(FileType.FILE);
    assertThat(status.isDirectory()).isFalse();
    assertThat(status.length()).isEqualTo(HELLO.length);
    assertThat(status.mode()).isEqualTo(expectedMode(0640));
    assertThat(status.owner()).isNotEmpty();
    assertThat(status.group()).isNotEmpty();
  }

  @Test
  void folderStatusHasLengthZeroAndMode() throws IOException {
    ufs.mkdir("/d", 0750);
    write("/d/f", HELLO, 0644);

    UfsStatus status = status("/d");

    assertThat(status.name()).isEqualTo("d");
    assertThat(status.isDirectory()).isTrue();
    assertThat(status.length()).isZero();
    assertThat(status.mode()).isEqualTo(expectedMode(0750));
  }

  @Test
  void modificationTimeIsWhenTheFileWasWritten() throws IOException {
    // Generous margins: file systems round times, and clocks of a remote UFS may drift a little.
    long before = System.currentTimeMillis() - 5_000;
    write("/f", HELLO, 0644);
    long after = System.currentTimeMillis() + 5_000;

    assertThat(status("/f").lastModifiedMs()).isBetween(before, after);
  }

  @Test
  void missingPathIsAbsent() throws IOException {
    assertThat(ufs.getStatus("/missing")).isEmpty();
    assertThat(ufs.getStatus("/missing/child")).isEmpty();
  }

  @Test
  void pathBelowAFileIsAbsent() throws IOException {
    write("/f", HELLO, 0644);

    assertThat(ufs.getStatus("/f/child")).isEmpty();
  }

  // list

  @Test
  void emptyFolderListsNothing() throws IOException {
    mkdir("/empty");

    assertThat(names("/empty")).isEmpty();
    assertThat(names("/")).containsExactly("empty");
  }

  @Test
  void listingIsSortedByName() throws IOException {
    List<String> names = List.of("b", "B", "a", "A", "10", "9", "é", "e", " lead", "x y", "_", "~");
    for (String name : names) {
      write("/" + name, HELLO, 0644);
    }

    assertThat(names("/")).containsExactlyElementsOf(names.stream().sorted().toList());
  }

  @Test
  void listingOfManyEntriesCreatedInRandomOrderIsSortedByName() throws IOException {
    List<String> names = new ArrayList<>();
    String[] prefixes = {"a", "A", "z", "Z", "ü", "日本", "x y ", "-", "0"};
    for (int i = 0; i < 2_500; i++) {
      names.add(prefixes[i % prefixes.length] + i);
    }
    Collections.shuffle(names, new Random(42));
    mkdir("/wide");
    for (int i = 0; i < names.size(); i++) {
      if (i % 2 == 0) {
        mkdir("/wide/" + names.get(i));
      } else {
        write("/wide/" + names.get(i), new byte[0], 0644);
      }
    }

    List<String> listed = names("/wide");

    assertThat(listed).hasSize(2_500).isSorted().containsExactlyElementsOf(sorted(names));
  }

  @Test
  void listingReportsEachEntryAsGetStatusDoes() throws IOException {
    mkdir("/d");
    mkdir("/d/sub");
    write("/d/f", HELLO, 0600);
    write("/d/sub/deeper", HELLO, 0600);

    List<UfsStatus> entries = list("/d");

    assertThat(entries).containsExactly(status("/d/f"), status("/d/sub"));
    assertThat(entries.get(0).length()).isEqualTo(HELLO.length);
    assertThat(entries.get(1).isDirectory()).isTrue();
  }

  @Test
  void listingEndsWithNoSuchElement() throws IOException {
    write("/only", HELLO, 0644);

    try (UfsListing listing = ufs.list("/")) {
      assertThat(listing.hasNext()).isTrue();
      assertThat(listing.hasNext()).isTrue();
      assertThat(listing.next().name()).isEqualTo("only");
      assertThat(listing.hasNext()).isFalse();
      assertThatThrownBy(listing::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void listingCanBeReadWithNextAlone() throws IOException {
    write("/a", HELLO, 0644);
    write("/b", HELLO, 0644);

    try (UfsListing listing = ufs.list("/")) {
      assertThat(listing.next().name()).isEqualTo("a");
      assertThat(listing.next().name()).isEqualTo("b");
      assertThatThrownBy(listing::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void listingOfMissingFolderIsFileNotFound() {
    assertThatThrownBy(() -> ufs.list("/missing")).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void listingOfFileIsNotDirectory() throws IOException {
    write("/f", HELLO, 0644);

    assertThatThrownBy(() -> ufs.list("/f")).isInstanceOf(NotDirectoryException.class);
  }

  // mkdir

  @Test
  void mkdirCreatesOneFolderWithExactlyTheMode() throws IOException {
    // 0777 and 0700 differ from what any usual umask leaves, so a mode narrowed by it shows.
    ufs.mkdir("/open", 0777);
    ufs.mkdir("/closed", 0700);

    assertThat(status("/open").isDirectory()).isTrue();
    assertThat(status("/open").mode()).isEqualTo(expectedMode(0777));
    assertThat(status("/closed").mode()).isEqualTo(expectedMode(0700));
  }

  /**
   * An existing empty folder is not here: a UFS whose mkdir says yes to one (HDFS) may take it as
   * made (see {@link UnderFileSystem#mkdir}); subclasses of a UFS that refuses it test that.
   */
  @Test
  void mkdirOfExistingFileOrNonEmptyFolderIsAlreadyExists() throws IOException {
    mkdir("/d");
    write("/d/inside", HELLO, 0644);
    write("/f", HELLO, 0644);

    assertThatThrownBy(() -> ufs.mkdir("/d", 0755)).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> ufs.mkdir("/f", 0755)).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> ufs.mkdir("/", 0755)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(status("/f").isDirectory()).isFalse();
    assertThat(names("/d")).containsExactly("inside");
  }

  @Test
  void mkdirAnswersWithTheStatusOfTheNewFolder() throws IOException {
    UfsStatus made = ufs.mkdir("/made", 0750);

    assertThat(made).isEqualTo(status("/made"));
    assertThat(made.name()).isEqualTo("made");
    assertThat(made.mode()).isEqualTo(expectedMode(0750));
  }

  @Test
  void completingACreatedFileAnswersWithItsStatus() throws IOException {
    byte[] content = randomBytes(100_000);
    UfsStatus written;
    try (UfsOutputStream out = ufs.create("/written", 0640)) {
      out.write(content);
      written = out.complete();
    }
    UfsStatus empty = ufs.create("/empty", 0600).complete();

    assertThat(written).isEqualTo(status("/written"));
    assertThat(written.length()).isEqualTo(content.length);
    assertThat(written.mode()).isEqualTo(expectedMode(0640));
    assertThat(empty).isEqualTo(status("/empty"));
    assertThat(empty.length()).isZero();
  }

  @Test
  void mkdirWithoutParentIsFileNotFound() {
    assertThatThrownBy(() -> ufs.mkdir("/missing/d", 0755))
        .isInstanceOf(FileNotFoundException.class);
  }

  // create and open

  @Test
  void mkdirOfANameLongerThanTheUfsTakesIsRefusedForGood() {
    assertThatThrownBy(() -> ufs.mkdir("/" + "n".repeat(300), 0755))
        .isInstanceOfSatisfying(
            UfsRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(UfsRefusedException.Reason.NAME_TOO_LONG));
  }

  @Test
  void aPathLongerThanTheUfsTakesIsRefusedWithoutAskingIt() throws IOException {
    String deep = "/" + "abcdefghi/".repeat(900) + "x";

    assertThatThrownBy(() -> ufs.checkPathLength(deep))
        .isInstanceOfSatisfying(
            UfsRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(UfsRefusedException.Reason.NAME_TOO_LONG));
    ufs.checkPathLength("/a/b");
    assertThat(ufs.getStatus("/abcdefghi")).isEmpty();
  }

  @Test
  void createdFileReadsBackWithItsMode() throws IOException {
    write("/f", HELLO, 0666);

    assertThat(read("/f", 0)).isEqualTo(HELLO);
    assertThat(status("/f").mode()).isEqualTo(expectedMode(0666));
  }

  @Test
  void createdFileIsCompleteWhenTheStreamCloses() throws IOException {
    byte[] content = randomBytes(1 << 20);
    try (OutputStream out = ufs.create("/big", 0644)) {
      out.write(content, 0, 1000);
      out.write(content, 1000, content.length - 1000);
    }

    assertThat(status("/big").length()).isEqualTo(content.length);
    assertThat(read("/big", 0)).isEqualTo(content);
  }

  @Test
  void emptyFileHasLengthZero() throws IOException {
    write("/empty", new byte[0], 0644);

    assertThat(status("/empty").length()).isZero();
    assertThat(read("/empty", 0)).isEmpty();
  }

  @Test
  void createOfExistingFileOrFolderIsAlreadyExistsAndKeepsIt() throws IOException {
    write("/f", HELLO, 0644);
    mkdir("/d");

    assertThatThrownBy(() -> ufs.create("/f", 0644)).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> ufs.create("/d", 0644)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(read("/f", 0)).isEqualTo(HELLO);
    assertThat(status("/d").isDirectory()).isTrue();
  }

  @Test
  void createWithoutParentIsFileNotFound() {
    assertThatThrownBy(() -> ufs.create("/missing/f", 0644))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void openAtOffsetSkipsThatManyBytes() throws IOException {
    byte[] content = randomBytes(100_000);
    write("/f", content, 0644);

    assertThat(read("/f", 70_001)).isEqualTo(Arrays.copyOfRange(content, 70_001, content.length));
    assertThat(read("/f", content.length)).isEmpty();
  }

  @Test
  void openOfMissingFileIsFileNotFound() {
    assertThatThrownBy(() -> ufs.open("/missing", 0)).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void openOfFolderFails() throws IOException {
    mkdir("/d");

    assertThatThrownBy(() -> read("/d", 0)).isInstanceOf(IOException.class);
  }

  // delete

  @Test
  void deleteRemovesFile() throws IOException {
    write("/f", HELLO, 0644);

    ufs.delete("/f", false);

    assertThat(ufs.getStatus("/f")).isEmpty();
  }

  @Test
  void deleteRemovesEmptyFolder() throws IOException {
    mkdir("/d");

    ufs.delete("/d", false);

    assertThat(ufs.getStatus("/d")).isEmpty();
  }

  @Test
  void deleteOfNonEmptyFolderWithoutRecursiveIsDirectoryNotEmptyAndKeepsIt() throws IOException {
    mkdir("/d");
    write("/d/f", HELLO, 0644);

    assertThatThrownBy(() -> ufs.delete("/d", false))
        .isInstanceOf(DirectoryNotEmptyException.class);
    assertThat(names("/d")).containsExactly("f");
  }

  @Test
  void recursiveDeleteRemovesTheWholeSubtreeOnly() throws IOException {
    mkdir("/d");
    mkdir("/d/e");
    mkdir("/d/e/f");
    write("/d/e/f/g", HELLO, 0644);
    write("/d/h", HELLO, 0644);
    write("/keep", HELLO, 0644);

    ufs.delete("/d", true);

    assertThat(ufs.getStatus("/d")).isEmpty();
    assertThat(names("/")).containsExactly("keep");
  }

  @Test
  void recursiveDeleteOfFileRemovesIt() throws IOException {
    write("/f", HELLO, 0644);

    ufs.delete("/f", true);

    assertThat(ufs.getStatus("/f")).isEmpty();
  }

  @Test
  void countedRecursiveDeleteRemovesTheSubtreeAndReportsAllOrNoneOfItsEntries() throws IOException {
    mkdir("/d");
    mkdir("/d/e");
    write("/d/e/g", HELLO, 0644);
    write("/d/h", HELLO, 0644);
    write("/keep", HELLO, 0644);
    List<Long> reports = new ArrayList<>();

    ufs.delete("/d", true, reports::add);

    assertThat(ufs.getStatus("/d")).isEmpty();
    assertThat(names("/")).containsExactly("keep");
    // a UFS that walks the tree counts d, e, g and h; one that deletes it in one call, nothing
    assertThat(reports.stream().mapToLong(Long::longValue).sum()).isIn(0L, 4L);
  }

  @Test
  void deleteOfMissingPathIsFileNotFound() {
    assertThatThrownBy(() -> ufs.delete("/missing", false))
        .isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> ufs.delete("/missing", true))
        .isInstanceOf(FileNotFoundException.class);
  }

  // rename

  @Test
  void renameMovesFileWithItsContent() throws IOException {
    write("/f", HELLO, 0640);
    mkdir("/d");

    ufs.rename("/f", "/d/g");

    assertThat(ufs.getStatus("/f")).isEmpty();
    assertThat(status("/d/g").mode()).isEqualTo(expectedMode(0640));
    assertThat(read("/d/g", 0)).isEqualTo(HELLO);
  }

  @Test
  void renameMovesFolderWithItsChildren() throws IOException {
    mkdir("/d");
    mkdir("/d/sub");
    write("/d/sub/f", HELLO, 0644);

    ufs.rename("/d", "/e");

    assertThat(ufs.getStatus("/d")).isEmpty();
    assertThat(names("/e")).containsExactly("sub");
    assertThat(read("/e/sub/f", 0)).isEqualTo(HELLO);
  }

  @Test
  void renameOntoExistingPathIsAlreadyExistsAndChangesNothing() throws IOException {
    write("/a", HELLO, 0644);
    write("/b", new byte[3], 0644);
    mkdir("/d");

    assertThatThrownBy(() -> ufs.rename("/a", "/b")).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> ufs.rename("/a", "/d")).isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> ufs.rename("/d", "/b")).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(read("/a", 0)).isEqualTo(HELLO);
    assertThat(status("/b").length()).isEqualTo(3);
    assertThat(names("/d")).isEmpty();
  }

  @Test
  void renameOfMissingSourceIsFileNotFound() {
    assertThatThrownBy(() -> ufs.rename("/missing", "/b"))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void renameIntoMissingParentIsFileNotFoundAndKeepsSource() throws IOException {
    write("/a", HELLO, 0644);

    assertThatThrownBy(() -> ufs.rename("/a", "/missing/b"))
        .isInstanceOf(FileNotFoundException.class);
    assertThat(read("/a", 0)).isEqualTo(HELLO);
  }

  // setMode and setOwner

  @Test
  void setModeChangesOnlyTheMode() throws IOException {
    write("/f", HELLO, 0644);
    mkdir("/d");
    Fingerprint before = status("/f").fingerprint();
    if (fixedMode().isPresent()) {
      assertSetModeIsRefusedAndChangesNothing(fixedMode().getAsInt(), before);
      return;
    }

    ufs.setMode("/f", 0600);
    ufs.setMode("/d", 0711);

    assertThat(status("/f").mode()).isEqualTo(0600);
    assertThat(status("/d").mode()).isEqualTo(0711);
    assertThat(before.compare(status("/f").fingerprint())).isEqualTo(Fingerprint.Change.METADATA);
  }

  private void assertSetModeIsRefusedAndChangesNothing(int fixed, Fingerprint before)
      throws IOException {
    int other = fixed == 0600 ? 0640 : 0600;

    ufs.setMode("/f", fixed); // what it has already: nothing to change
    assertThatThrownBy(() -> ufs.setMode("/f", other))
        .isInstanceOfSatisfying(
            UfsRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(UfsRefusedException.Reason.UNSUPPORTED));
    assertThatThrownBy(() -> ufs.setMode("/d", other)).isInstanceOf(UfsRefusedException.class);

    assertThat(before.compare(status("/f").fingerprint())).isEqualTo(Fingerprint.Change.NONE);
    assertThat(status("/d").mode()).isEqualTo(fixed);
  }

  @Test
  void setModeOfMissingPathIsFileNotFound() {
    assertThatThrownBy(() -> ufs.setMode("/missing", 0644))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void setOwnerToTheCurrentOwnerAndGroupKeepsThem() throws IOException {
    // Only a superuser may give a file away; any user may set the owner it already has.
    write("/f", HELLO, 0644);
    UfsStatus before = status("/f");

    ufs.setOwner("/f", before.owner(), before.group());
    ufs.setOwner("/f", before.owner(), null);
    ufs.setOwner("/f", null, before.group());

    assertThat(status("/f").owner()).isEqualTo(before.owner());
    assertThat(status("/f").group()).isEqualTo(before.group());
  }

  @Test
  void setOwnerWithNeitherOwnerNorGroupChangesNothing() throws IOException {
    write("/f", HELLO, 0644);
    Fingerprint before = status("/f").fingerprint();

    ufs.setOwner("/f", null, null);

    assertThat(before.compare(status("/f").fingerprint())).isEqualTo(Fingerprint.Change.NONE);
  }

  @Test
  void setOwnerOfMissingPathIsFileNotFound() throws IOException {
    String owner = status("/").owner();

    assertThatThrownBy(() -> ufs.setOwner("/missing", owner, null))
        .isInstanceOf(FileNotFoundException.class);
  }

  // fingerprints

  @Test
  void unchangedEntryHasTheSameFingerprint() throws IOException {
    write("/f", HELLO, 0644);

    assertThat(status("/f").fingerprint().compare(status("/f").fingerprint()))
        .isEqualTo(Fingerprint.Change.NONE);
  }

  @Test
  void rewrittenFileIsAContentChange() throws IOException {
    write("/f", HELLO, 0644);
    Fingerprint before = status("/f").fingerprint();

    ufs.delete("/f", false);
    write("/f", "a longer text than before, so the length differs".getBytes(UTF_8), 0644);

    assertThat(before.compare(status("/f").fingerprint())).isEqualTo(Fingerprint.Change.CONTENT);
  }

  @Test
  void fileReplacedByFolderIsAContentChange() throws IOException {
    write("/x", new byte[0], 0755);
    Fingerprint before = status("/x").fingerprint();

    ufs.delete("/x", false);
    ufs.mkdir("/x", 0755);

    assertThat(before.compare(status("/x").fingerprint())).isEqualTo(Fingerprint.Change.CONTENT);
  }

  // reads change nothing

  @Test
  void readsChangeNothing() throws IOException {
    mkdir("/d");
    mkdir("/d/e");
    write("/d/e/f", HELLO, 0644);
    write("/d/g", HELLO, 0600);
    write("/h", new byte[0], 0644);
    Map<String, Fingerprint> before = snapshot();

    for (String path : before.keySet()) {
      UfsStatus status = status(path);
      if (status.isDirectory()) {
        list(path);
      } else {
        read(path, 0);
        read(path, 1);
      }
    }
    ufs.getStatus("/missing");
    ufs.uriOf("/d/e/f");

    assertThat(snapshot()).isEqualTo(before);
  }

  // names and URIs

  @Test
  void namesWithSpacesUnicodeAndUriCharactersWork() throws IOException {
    String folder = "/a b%20c ü 日本 #?&+=";
    String file = folder + "/f ü%.txt";
    mkdir(folder);
    write(file, HELLO, 0644);

    assertThat(names("/")).containsExactly(folder.substring(1));
    assertThat(names(folder)).containsExactly("f ü%.txt");
    assertThat(status(file).name()).isEqualTo("f ü%.txt");
    assertThat(read(file, 0)).isEqualTo(HELLO);
    ufs.rename(file, folder + "/g ü%");
    ufs.delete(folder, true);
    assertThat(names("/")).isEmpty();
  }

  @Test
  void uriOfNamesThePathUnderTheRoot() {
    String root = ufs.rootUri().getPath().replaceAll("/$", "");

    assertThat(ufs.uriOf("/").getPath()).isEqualTo(root);
    assertThat(ufs.uriOf("/a b/ü").getPath()).isEqualTo(root + "/a b/ü");
    assertThat(ufs.uriOf("/a b/ü").getScheme()).isEqualTo(ufs.rootUri().getScheme());
  }

  // threads

  @Test
  void concurrentWritesAndReadsFromManyThreadsAllSucceed() throws Exception {
    int threads = 4;
    int filesPerThread = 25;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String folder = "/t" + t;
        futures.add(
            executor.submit(
                () -> {
                  ufs.mkdir(folder, 0755);
                  for (int i = 0; i < filesPerThread; i++) {
                    write(folder + "/f" + i, HELLO, 0644);
                    assertThat(read(folder + "/f" + i, 0)).isEqualTo(HELLO);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      executor.shutdown();
    }

    for (int t = 0; t < threads; t++) {
      assertThat(names("/t" + t)).hasSize(filesPerThread);
    }
  }

  // helpers for subclasses and tests

  protected final UfsStatus status(String path) throws IOException {
    return ufs.getStatus(path)
        .orElseThrow(() -> new AssertionError(path + " should exist in " + ufs.rootUri()));
  }

  protected final void mkdir(String path) throws IOException {
    ufs.mkdir(path, 0755);
  }

  protected final void write(String path, byte[] content, int mode) throws IOException {
    try (OutputStream out = ufs.create(path, mode)) {
      out.write(content);
    }
  }

  protected final byte[] read(String path, long offset) throws IOException {
    try (InputStream in = ufs.open(path, offset)) {
      return in.readAllBytes();
    }
  }

  protected final List<UfsStatus> list(String path) throws IOException {
    List<UfsStatus> entries = new ArrayList<>();
    try (UfsListing listing = ufs.list(path)) {
      while (listing.hasNext()) {
        entries.add(listing.next());
      }
    }
    return entries;
  }

  protected final List<String> names(String path) throws IOException {
    return list(path).stream().map(UfsStatus::name).toList();
  }

  /** Every entry's fingerprint, by path, the root's included. */
  protected final Map<String, Fingerprint> snapshot() throws IOException {
    Map<String, Fingerprint> fingerprints = new TreeMap<>();
    addToSnapshot("/", status("/"), fingerprints);
    return fingerprints;
  }

  private void addToSnapshot(String path, UfsStatus status, Map<String, Fingerprint> fingerprints)
      throws IOException {
    fingerprints.put(path, status.fingerprint());
    if (status.isDirectory()) {
      for (UfsStatus child : list(path)) {
        addToSnapshot((path.equals("/") ? "" : path) + "/" + child.name(), child, fingerprints);
      }
    }
  }

  private static List<String> sorted(List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    return sorted;
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
