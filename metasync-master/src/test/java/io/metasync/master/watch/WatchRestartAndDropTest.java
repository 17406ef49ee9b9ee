package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.master.MasterFixture;
import io.metasync.proto.CallContext;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.ListStatusRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch across a master restart on the same journal folder, and a watcher that stops reading:
 * each test starts masters of its own.
 */
class WatchRestartAndDropTest {
  /** Names this long make a few thousand changes overflow gRPC's flow-control window. */
  private static final String LONG_NAME = "f".repeat(200);

  @TempDir Path folder;

  @Test
  void aCursorFromBeforeARestartResumesWithoutAGapOrARepeat() throws Exception {
    long seen;
    try (MasterFixture master = MasterFixture.start(folder)) {
      mkdir(master, "/r");
      try (WatchStream watch =
          WatchStream.open(master.channel(), "/r", true, OptionalLong.empty())) {
        mkdir(master, "/r/1");
        assertThat(watch.changes(1)).containsExactly("CREATED /r/1");
        seen = watch.lastIndex();
      }
      mkdir(master, "/r/2");
    }
    try (MasterFixture master = MasterFixture.start(folder)) {
      mkdir(master, "/r/3");
      try (WatchStream watch =
          WatchStream.open(master.channel(), "/r", true, OptionalLong.of(seen))) {
        mkdir(master, "/r/4");
        assertThat(watch.changes(3))
            .containsExactly("CREATED /r/2", "CREATED /r/3", "CREATED /r/4");
      }
    }
  }

  @Test
  void aWatcherThatStopsReadingIsDroppedWhileTheMasterServesOthers() throws Exception {
    try (MasterFixture master =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of("metasync.master.watch.subscriber.queue.changes", "100"))) {
      mkdir(master, "/flood");
      mkdir(master, "/calm");
      try (WatchStream stuck =
              WatchStream.open(master.channel(), "/flood", true, OptionalLong.empty());
          WatchStream reading =
              WatchStream.open(master.channel(), "/calm", true, OptionalLong.empty())) {
        Path ufs = master.rootFolder().resolve("flood");
        for (int i = 0; i < 12_000; i++) {
          Files.createFile(ufs.resolve(LONG_NAME + i));
        }
        list(master, "/flood");

        mkdir(master, "/calm/after");
        assertThat(reading.changes(1)).containsExactly("CREATED /calm/after");
        assertThat(
                master
                    .stub()
                    .getStatus(GetStatusRequest.newBuilder().setPath("/calm/after").build())
                    .getPath())
            .isEqualTo("/calm/after");
        assertThatThrownBy(
                () -> {
                  while (true) {
                    stuck.next();
                  }
                })
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> {
                  assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                  assertThat(e.getStatus().getDescription())
                      .startsWith(
                          "watch of /flood fell behind by more than 100 changes; re-subscribe"
                              + " with --from ");
                });
      }
    }
  }

  private static void mkdir(MasterFixture master, String path) {
    master.stub().createDirectory(CreateDirectoryRequest.newBuilder().setPath(path).build());
  }

  private static void list(MasterFixture master, String path) throws IOException {
    master
        .stub()
        .listStatus(
            ListStatusRequest.newBuilder()
                .setPath(path)
                .setContext(CallContext.newBuilder().setSyncIntervalMs(0))
                .build())
        .forEachRemaining(page -> {});
  }
}
