package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.MasterFixture;
import io.metasync.proto.SyncPointRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change behind metasync's back reaches a watcher once active sync applies it, with no client
 * asking the UFS: a real master following a local folder's change feed.
 */
class WatchActiveSyncTest {
  @TempDir Path folder;

  @Test
  void aWatcherSeesAChangeThatActiveSyncApplied() throws Exception {
    try (MasterFixture master =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of(
                "metasync.master.activesync.interval",
                "100ms",
                "metasync.master.activesync.maxage",
                "3"))) {
      Path followed = Files.createDirectories(master.rootFolder().resolve("followed"));
      master.stub().startSync(SyncPointRequest.newBuilder().setPath("/followed").build());
      try (WatchStream watch =
          WatchStream.open(master.channel(), "/followed", true, OptionalLong.empty())) {
        Files.createDirectories(followed.resolve("made-behind"));

        assertThat(watch.changes(1)).first().isEqualTo("CREATED /followed/made-behind");
      }
    }
  }
}
