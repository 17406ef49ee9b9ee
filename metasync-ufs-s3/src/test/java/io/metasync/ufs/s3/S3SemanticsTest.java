package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an S3 mount does beyond the UFS contract, against a real S3 server: folders that are only
 * prefixes, multipart transfers, ETags, refused chmod and chown.
 */
class S3SemanticsTest {
  private static final long PART = S3MountOptions.MIN_PART_SIZE;
  private static S3ProxyFixture s3;
  private static S3Client client;
  private URI root;
  private String prefix;
  private S3UnderFileSystem ufs;

  @BeforeAll
  static void startServer() throws IOException {
    s3 = S3ProxyFixture.start();
    client = s3.server().newClient();
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @BeforeEach
  void openUfs() throws IOException {
    root = s3.freshRoot();
    prefix = root.getPath().substring(1) + "/";
    ufs = s3.open(root, s3.options(S3MountOptions.PART_SIZE, Long.toString(PART)));
  }

  @AfterEach
  void closeUfs() throws IOException {
    ufs.close();
  }

  @Test
  void keysWrittenByAnotherToolMakeFoldersWithoutMarkers() throws IOException {
    put("a/b/c.txt", "c");
    put("a/d", "d");

    assertThat(ufs.getStatus("/a").orElseThrow().isDirectory()).isTrue();
    assertThat(names("/")).containsExactly("a");
    assertThat(names("/a")).containsExactly("b", "d");
    assertThat(names("/a/b")).containsExactly("c.txt");
  }

  @Test
  void deletingTheLastEntryOfAFolderWithoutMarkerKeepsTheFolder() throws IOException {
    put("a/only", "x");

    ufs.delete("/a/only", false);

    assertThat(ufs.getStatus("/a").orElseThrow().isDirectory()).isTrue();
    assertThat(names("/a")).isEmpty();
    assertThat(keys()).containsExactly(prefix + "a/");
  }

  @Test
  void aFolderSortsBeforeNamesThatContinueItWithPunctuation() throws IOException {
    ufs.mkdir("/a", 0755);
    put("a-b", "x");
    put("a.c", "x");
    put("a b", "x");
    put("a/inner", "x");
    ufs.mkdir("/a-b.d", 0755);

    assertThat(names("/")).containsExactly("a", "a b", "a-b", "a-b.d", "a.c").isSorted();
  }

  @Test
  void fileBiggerThanAPartIsUploadedInPartsAndVisibleOnlyWhenClosed() throws IOException {
    byte[] content = randomBytes((int) (2 * PART + 12_345));
    try (OutputStream out = ufs.create("/big", 0644)) {
      out.write(content, 0, (int) PART + 1);
      assertThat(ufs.getStatus("/big")).isEmpty();
      out.write(content, (int) PART + 1, content.length - (int) PART - 1);
    }

    UfsStatus status = ufs.getStatus("/big").orElseThrow();
    assertThat(status.length()).isEqualTo(content.length);
    assertThat(status.contentHash()).endsWith("-3"); // a multipart ETag counts its parts
    assertThat(read("/big", PART + 7))
        .isEqualTo(java.util.Arrays.copyOfRange(content, (int) PART + 7, content.length));
  }

  @Test
  void renameOfAFileBiggerThanAPartCopiesItInParts() throws IOException {
    byte[] content = randomBytes((int) PART + 1_000);
    write("/big", content);

    ufs.rename("/big", "/moved");

    assertThat(ufs.getStatus("/big")).isEmpty();
    assertThat(read("/moved", 0)).isEqualTo(content);
  }

  @Test
  void renameOfAFolderMovesEveryKeyAndCountedDeleteReportsEveryEntry() throws IOException {
    for (int i = 0; i < 30; i++) {
      put("src/f" + i, "x" + i);
      put("src/sub" + (i % 3) + "/g" + i, "y");
    }

    ufs.rename("/src", "/dst");

    assertThat(ufs.getStatus("/src")).isEmpty();
    assertThat(names("/dst")).hasSize(33);
    assertThat(read("/dst/f7", 0)).isEqualTo("x7".getBytes(UTF_8));
    List<Long> reports = new ArrayList<>();
    ufs.delete("/dst", true, reports::add);
    // dst, 30 files, 3 folders without markers and their 30 files
    assertThat(reports.stream().mapToLong(Long::longValue).sum()).isEqualTo(64);
    assertThat(keys()).isEmpty();
  }

  @Test
  void rewriteWithTheSameLengthIsAContentChangeByItsETag() throws IOException {
    write("/f", "aaaa".getBytes(UTF_8));
    UfsStatus before = ufs.getStatus("/f").orElseThrow();

    put("f", "bbbb");

    UfsStatus after = ufs.getStatus("/f").orElseThrow();
    assertThat(after.contentHash()).isNotEqualTo(before.contentHash()).isNotEmpty();
    assertThat(before.fingerprint().compare(after.fingerprint()))
        .isEqualTo(Fingerprint.Change.CONTENT);
  }

  @Test
  void chmodAndChownToOtherValuesAreRefusedAsNotSupported() throws IOException {
    write("/f", new byte[1]);
    UfsStatus status = ufs.getStatus("/f").orElseThrow();

    ufs.setOwner("/f", status.owner(), status.group());
    assertThatThrownBy(() -> ufs.setMode("/f", 0600))
        .isInstanceOf(UfsRefusedException.class)
        .hasMessageContaining("not supported by s3://")
        .hasMessageContaining("s3.mode (0755)");
    assertThatThrownBy(() -> ufs.setOwner("/f", "someone-else", null))
        .isInstanceOf(UfsRefusedException.class)
        .hasMessageContaining("not supported by s3://");
  }

  @Test
  void ownerGroupAndModeComeFromTheMountOptions() throws IOException {
    put("f", "x");
    try (S3UnderFileSystem configured =
        s3.open(root, withOptions("s3.owner", "alice", "s3.group", "analysts", "s3.mode", "750"))) {
      UfsStatus status = configured.getStatus("/f").orElseThrow();

      assertThat(status.owner()).isEqualTo("alice");
      assertThat(status.group()).isEqualTo("analysts");
      assertThat(status.mode()).isEqualTo(0750);
    }
  }

  @Test
  void openOfAFolderIsRefusedAsAFolder() throws IOException {
    put("d/x", "x");

    assertThatThrownBy(() -> ufs.open("/d", 0))
        .isInstanceOfSatisfying(
            UfsRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(UfsRefusedException.Reason.IS_A_FOLDER));
  }

  private java.util.Map<String, String> withOptions(String... keysAndValues) {
    java.util.Map<String, String> options = new java.util.HashMap<>(s3.options());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }

  private void put(String relativeKey, String text) {
    client.putObject(
        b -> b.bucket(S3ProxyFixture.BUCKET).key(prefix + relativeKey),
        RequestBody.fromString(text));
  }

  private List<String> keys() {
    return client
        .listObjectsV2Paginator(b -> b.bucket(S3ProxyFixture.BUCKET).prefix(prefix))
        .contents()
        .stream()
        .map(object -> object.key())
        .toList();
  }

  private void write(String path, byte[] content) throws IOException {
    try (OutputStream out = ufs.create(path, 0644)) {
      out.write(content);
    }
  }

  private byte[] read(String path, long offset) throws IOException {
    try (InputStream in = ufs.open(path, offset)) {
      return in.readAllBytes();
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

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
