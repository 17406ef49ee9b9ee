package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.master.ha.MasterGroup;
import io.metasync.proto.CreateDirectoryRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch across a fail-over in a group of three real masters: the leader stopping ends the watch
 * with UNAVAILABLE, and the new leader, which told the same changes apart as it applied the same
 * entries, resumes from the last index taken without a gap or a repeat.
 */
class WatchFailoverTest {
  @TempDir Path folder;

  @Test
  void aWatcherResumesOnTheNewLeaderFromItsLastIndex() throws Exception {
    try (MasterGroup group = new MasterGroup(folder).startAll()) {
      int leader = group.awaitLeader();
      mkdir(group, leader, "/fo");
      List<String> seen = new ArrayList<>();
      long last;
      try (WatchStream watch =
          WatchStream.open(group.channel(leader), "/fo", true, OptionalLong.empty())) {
        mkdir(group, leader, "/fo/1");
        seen.addAll(watch.changes(1));
        mkdir(group, leader, "/fo/2");
        group.stop(leader);
        try {
          while (true) {
            watch.next().getChangesList().forEach(change -> seen.add(WatchStream.describe(change)));
          }
        } catch (StatusRuntimeException e) {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
        last = watch.lastIndex();
      }

      int next = group.awaitLeader();
      mkdir(group, next, "/fo/3");
      try (WatchStream resumed =
          WatchStream.open(group.channel(next), "/fo", true, OptionalLong.of(last))) {
        while (!seen.contains("CREATED /fo/3")) {
          resumed.next().getChangesList().forEach(change -> seen.add(WatchStream.describe(change)));
        }
      }
      assertThat(seen).containsExactly("CREATED /fo/1", "CREATED /fo/2", "CREATED /fo/3");
    }
  }

  private static void mkdir(MasterGroup group, int member, String path) {
    group.stub(member).createDirectory(CreateDirectoryRequest.newBuilder().setPath(path).build());
  }
}
