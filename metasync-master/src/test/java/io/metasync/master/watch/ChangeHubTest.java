package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The hub alone, with sinks written by hand and deliveries run on the calling thread. */
class ChangeHubTest {
  private final ChangeHub hub = new ChangeHub(5, 3, Runnable::run);

  @Test
  void aWatcherGetsTheCursorThenTheChangesUnderItsPathInOrder() {
    RecordingSink sink = new RecordingSink();
    hub.applied(1, List.of(created("/elsewhere")));
    hub.subscribe(spec("/w", true, OptionalLong.empty()), sink);

    hub.applied(2, List.of(created("/w/a"), created("/other")));
    hub.applied(3, List.of()); // an entry that changes no path
    hub.applied(4, List.of(Change.renamed(path("/w/a"), path("/x")), created("/w/b/c")));

    assertThat(sink.sent)
        .containsExactly(
            new EntryChanges(1, List.of()),
            new EntryChanges(2, List.of(created("/w/a"))),
            new EntryChanges(
                4, List.of(Change.renamed(path("/w/a"), path("/x")), created("/w/b/c"))));
  }

  @Test
  void aWatcherThatIsNotRecursiveSeesThePathAndItsChildrenOnly() {
    RecordingSink sink = new RecordingSink();
    hub.subscribe(spec("/w", false, OptionalLong.empty()), sink);

    hub.applied(
        1,
        List.of(
            created("/w/a"), created("/w/a/deep"), Change.of(Change.Kind.METADATA, path("/w"))));

    assertThat(sink.sent.get(1).changes())
        .containsExactly(created("/w/a"), Change.of(Change.Kind.METADATA, path("/w")));
  }

  @Test
  void aCursorResumesWithExactlyTheLaterChanges() {
    hub.applied(1, List.of(created("/w/a")));
    hub.applied(2, List.of(created("/w/b")));
    hub.applied(3, List.of(created("/w/c")));
    RecordingSink sink = new RecordingSink();

    hub.subscribe(spec("/w", true, OptionalLong.of(1)), sink);
    hub.applied(4, List.of(created("/w/d")));

    assertThat(sink.sent).extracting(EntryChanges::index).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aCursorOlderThanTheKeptChangesIsRefusedWithWhereToStartAgain() {
    for (int i = 1; i <= 6; i++) {
      hub.applied(i, List.of(created("/w/" + i))); // keeps 5 changes: entry 1 goes
    }

    assertThatThrownBy(
            () -> hub.subscribe(spec("/w", true, OptionalLong.of(0)), new RecordingSink()))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_RANGE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "changes before index 1 are no longer kept (asked from index 0); list /w"
                          + " again and watch from index 6");
            });
    RecordingSink fromOne = new RecordingSink();
    hub.subscribe(spec("/w", true, OptionalLong.of(1)), fromOne);
    assertThat(fromOne.sent)
        .extracting(EntryChanges::index)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void aWatcherThatDoesNotTakeItsChangesIsDroppedAndTheOthersGoOn() {
    RecordingSink stuck = new RecordingSink();
    RecordingSink reading = new RecordingSink();
    hub.subscribe(spec("/w", true, OptionalLong.empty()), stuck);
    hub.subscribe(spec("/w", true, OptionalLong.empty()), reading);
    stuck.ready = false;

    for (int i = 1; i <= 5; i++) {
      hub.applied(i, List.of(created("/w/" + i)));
    }

    assertThat(stuck.error.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
    assertThat(stuck.error.getMessage())
        .isEqualTo("watch of /w fell behind by more than 3 changes; re-subscribe with --from -1");
    assertThat(reading.sent)
        .extracting(EntryChanges::index)
        .containsExactly(-1L, 1L, 2L, 3L, 4L, 5L);
    assertThat(reading.error).isNull();
    assertThat(hub.watchers()).isEqualTo(1);
  }

  @Test
  void theKeptChangesSurviveBeingWrittenAndReadBack() throws IOException {
    hub.applied(7, List.of(created("/w/a"), Change.renamed(path("/w/a"), path("/w/b"))));
    hub.applied(8, List.of(Change.of(Change.Kind.DELETED, path("/w/b"))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    hub.writeRecent(out);

    ChangeHub restarted = new ChangeHub(5, 3, Runnable::run);
    restarted.readRecent(new ByteArrayInputStream(out.toByteArray()));
    restarted.applied(9, List.of(created("/w/c")));
    RecordingSink sink = new RecordingSink();
    restarted.subscribe(spec("/w", true, OptionalLong.of(7)), sink);

    assertThat(sink.sent)
        .containsExactly(
            new EntryChanges(7, List.of()),
            new EntryChanges(8, List.of(Change.of(Change.Kind.DELETED, path("/w/b")))),
            new EntryChanges(9, List.of(created("/w/c"))));
  }

  @Test
  void afterASnapshotWithoutKeptChangesOnlyCursorsFromTheNextEntryOnResume() {
    hub.recentUnknown();
    assertThatThrownBy(
            () -> hub.subscribe(spec("/w", true, OptionalLong.of(3)), new RecordingSink()))
        .hasMessageContaining("changes before the last restart are no longer kept");

    hub.applied(11, List.of(created("/w/a")));

    RecordingSink sink = new RecordingSink();
    hub.subscribe(spec("/w", true, OptionalLong.of(10)), sink);
    assertThat(sink.sent).extracting(EntryChanges::index).containsExactly(10L, 11L);
  }

  private static WatchSpec spec(String path, boolean recursive, OptionalLong from) {
    return new WatchSpec(path(path), recursive, from, change -> true);
  }

  private static Change created(String path) {
    return Change.of(Change.Kind.CREATED, path(path));
  }

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  private static final class RecordingSink implements ChangeSink {
    final List<EntryChanges> sent = new ArrayList<>();
    volatile boolean ready = true;
    MetasyncException error;

    @Override
    public boolean ready() {
      return ready;
    }

    @Override
    public void send(EntryChanges entry) {
      sent.add(entry);
    }

    @Override
    public void fail(MetasyncException failure) {
      error = failure;
    }
  }
}
