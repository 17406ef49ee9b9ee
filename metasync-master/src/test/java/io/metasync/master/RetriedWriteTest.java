package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.file.Creator;
import io.metasync.master.file.PathStatus;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.inode.ClientCalls;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.journal.ClientCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mutation retried after a fail-over can find its first attempt's UFS change without the journal
 * entry that the dead leader never committed: the change made behind the cache's back here plays
 * the first attempt. A retry answers as the first attempt would have; a first attempt that meets
 * the same UFS state is refused as before, and a retried file write never replaces a file.
 */
class RetriedWriteTest {
  private static final ReadOptions NEVER = new ReadOptions(SyncInterval.NEVER, LoadType.ONCE);
  private static final Creator CREATOR = new Creator(System.getProperty("user.name"), 022);
  private static final ClientCall CALL =
      ClientCall.newBuilder().setClientId("client").setCallId(7).build();

  @TempDir Path ufs;
  private EngineFixture engine;
  private WriteOperations writes;

  @BeforeEach
  void start() throws IOException {
    Files.createDirectories(ufs.resolve("data"));
    Files.writeString(ufs.resolve("data/file"), "content");
    engine = new EngineFixture(ufs);
    writes = engine.namespace().writes();
    // the folder is loaded: the cache knows that what it does not list is absent
    engine.namespace().reads().listStatus(path("/data"), false, NEVER).forEachRemaining(page -> {});
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aRetriedMkdirTakesInTheFolderItsFirstAttemptMade() throws IOException {
    Files.createDirectory(ufs.resolve("data/made"));

    PathStatus made = retried(() -> writes.createDirectory(path("/data/made"), false, CREATOR));

    assertThat(made.inode().isDirectory()).isTrue();
    assertThat(status("/data/made").inode().isDirectory()).isTrue();
  }

  @Test
  void aFirstMkdirOfAFolderTheCacheHadNotSeenIsStillRefused() throws IOException {
    Files.createDirectory(ufs.resolve("data/other"));

    assertThatThrownBy(
            () -> firstAttempt(() -> writes.createDirectory(path("/data/other"), false, CREATOR)))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
  }

  @Test
  void aRetriedRenameAnswersWithWhatItsFirstAttemptMoved() throws IOException {
    Files.move(ufs.resolve("data/file"), ufs.resolve("data/moved"));

    PathStatus moved = retried(() -> writes.rename(path("/data/file"), path("/data/moved")));

    assertThat(moved.path()).isEqualTo(path("/data/moved"));
    assertThat(status("/data/moved").inode().length()).isEqualTo("content".length());
    assertThatThrownBy(() -> status("/data/file"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void aRetriedRenameWhoseSourceIsGoneAndDestinationAbsentIsNotFound() throws IOException {
    Files.delete(ufs.resolve("data/file"));

    assertThatThrownBy(() -> retried(() -> writes.rename(path("/data/file"), path("/data/to"))))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void aRetriedDeleteOfWhatItsFirstAttemptDeletedSucceeds() throws IOException {
    Files.delete(ufs.resolve("data/file"));

    retried(
        () -> {
          writes.delete(path("/data/file"), false);
          return null;
        });

    assertThatThrownBy(() -> status("/data/file"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void aRetriedFileWriteNeverReplacesAFileTheCacheDidNotKnow() throws IOException {
    Files.writeString(ufs.resolve("data/written"), "maybe another writer's");

    assertThatThrownBy(
            () ->
                retried(
                    () ->
                        writes.createFile(
                            path("/data/written"), CREATOR, CreateOptions.REFUSE_EXISTING)))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
              assertThat(e.getMessage()).contains("/data/written", "first attempt", "check it");
            });
    assertThat(Files.readString(ufs.resolve("data/written"))).isEqualTo("maybe another writer's");
  }

  private PathStatus status(String path) {
    return engine.namespace().reads().getStatus(path(path), NEVER);
  }

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  private static <T> T retried(Supplier<T> write) {
    return ClientCalls.serving(CALL, true, write);
  }

  private static <T> T firstAttempt(Supplier<T> write) {
    return ClientCalls.serving(CALL, false, write);
  }
}
