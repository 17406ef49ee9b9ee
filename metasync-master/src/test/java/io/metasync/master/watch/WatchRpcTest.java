package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.master.MasterFixture;
import io.metasync.proto.CallContext;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc.MetasyncMasterBlockingStub;
import io.metasync.proto.RenameRequest;
import io.metasync.proto.SetAttributeRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MetasyncWatch service of a real master over gRPC, over a local folder: changes made through
 * metasync and behind its back (then synced) arrive in order, a cursor resumes exactly, and a user
 * who may not list the folder is refused.
 */
class WatchRpcTest {
  @TempDir static Path folder;
  private static MasterFixture master;
  private static MetasyncMasterBlockingStub stub;

  @BeforeAll
  static void startMaster() throws Exception {
    master = MasterFixture.start(folder, UnaryOperator.identity(), Map.of());
    stub = master.stub();
  }

  @AfterAll
  static void stopMaster() throws Exception {
    master.close();
  }

  @Test
  void changesThroughMetasyncArriveInOrderWithIncreasingIndexes() {
    mkdir("/made");
    try (WatchStream watch =
        WatchStream.open(master.channel(), "/made", true, OptionalLong.empty())) {
      mkdir("/made/a");
      mkdir("/made/a/b");
      stub.rename(
          RenameRequest.newBuilder().setSource("/made/a").setDestination("/made/c").build());
      stub.setAttribute(
          SetAttributeRequest.newBuilder().setPath("/made/c/b").setMode(0700).build());
      stub.delete(DeleteRequest.newBuilder().setPath("/made/c").setRecursive(true).build());
      mkdir("/elsewhere");
      mkdir("/made/d");

      assertThat(watch.changes(6))
          .containsExactly(
              "CREATED /made/a",
              "CREATED /made/a/b",
              "RENAMED /made/a /made/c",
              "METADATA /made/c/b",
              "DELETED /made/c",
              "CREATED /made/d");
      assertThat(watch.lastIndex()).isGreaterThan(watch.cursor());
    }
  }

  @Test
  void aChangeBehindMetasyncsBackAppearsOnceASyncSeesIt() throws IOException {
    mkdir("/behind");
    try (WatchStream watch =
        WatchStream.open(master.channel(), "/behind", false, OptionalLong.empty())) {
      Path ufs = master.rootFolder().resolve("behind");
      Files.writeString(ufs.resolve("file"), "1");
      list("/behind");
      Files.writeString(ufs.resolve("file"), "longer content");
      list("/behind");
      Files.delete(ufs.resolve("file"));
      list("/behind");

      assertThat(watch.changes(3))
          .containsExactly("CREATED /behind/file", "CONTENT /behind/file", "DELETED /behind/file");
    }
  }

  @Test
  void aCursorResumesWithExactlyTheMissedChanges() {
    mkdir("/resumed");
    long seen;
    try (WatchStream watch =
        WatchStream.open(master.channel(), "/resumed", true, OptionalLong.empty())) {
      mkdir("/resumed/1");
      assertThat(watch.changes(1)).containsExactly("CREATED /resumed/1");
      seen = watch.lastIndex();
    }
    mkdir("/resumed/2");
    mkdir("/resumed/3");

    try (WatchStream watch =
        WatchStream.open(master.channel(), "/resumed", true, OptionalLong.of(seen))) {
      assertThat(watch.cursor()).isEqualTo(seen);
      mkdir("/resumed/4");
      assertThat(watch.changes(3))
          .containsExactly("CREATED /resumed/2", "CREATED /resumed/3", "CREATED /resumed/4");
    }
  }

  @Test
  void aCursorFromTheFutureIsOutOfRange() {
    assertThatThrownBy(
            () -> WatchStream.open(master.channel(), "/", true, OptionalLong.of(Long.MAX_VALUE)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
              assertThat(e.getStatus().getDescription()).contains("list / again and watch from");
            });
  }

  @Test
  void aUserWhoMayNotListTheFolderIsRefused() {
    mkdir("/private");
    stub.setAttribute(SetAttributeRequest.newBuilder().setPath("/private").setMode(0700).build());

    assertThatThrownBy(
            () ->
                WatchStream.open(master.channel("nobody"), "/private", true, OptionalLong.empty()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
  }

  @Test
  void aWatcherOfAFolderAboveSeesNothingOfAFolderItMayNotList() {
    mkdir("/shared");
    mkdir("/shared/closed");
    stub.setAttribute(
        SetAttributeRequest.newBuilder().setPath("/shared/closed").setMode(0700).build());
    try (WatchStream watch =
        WatchStream.open(master.channel("nobody"), "/shared", true, OptionalLong.empty())) {
      mkdir("/shared/closed/secret");
      mkdir("/shared/open");

      assertThat(watch.changes(1)).containsExactly("CREATED /shared/open");
    }
  }

  @Test
  void aMissingPathIsNotFound() {
    assertThatThrownBy(
            () -> WatchStream.open(master.channel(), "/absent", true, OptionalLong.empty()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  private static void mkdir(String path) {
    stub.createDirectory(CreateDirectoryRequest.newBuilder().setPath(path).build());
  }

  /** Lists with sync interval 0: the master syncs the folder with its UFS first. */
  private static void list(String path) {
    stub.listStatus(
            ListStatusRequest.newBuilder()
                .setPath(path)
                .setContext(CallContext.newBuilder().setSyncIntervalMs(0))
                .build())
        .forEachRemaining(page -> {});
  }
}
