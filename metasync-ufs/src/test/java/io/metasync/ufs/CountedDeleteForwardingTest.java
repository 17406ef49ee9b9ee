package io.metasync.ufs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * The counting {@code delete(path, recursive, deletedEntries)} through decorators: the test-jar's
 * decorators pass the count on and still count or fail the call once; a decorator that overrides
 * only {@code delete(path, recursive)} still sees the call, without the count.
 */
class CountedDeleteForwardingTest {
  /** Deletes nothing, and says it deleted three entries. */
  private final UnderFileSystem reporting =
      new StubUnderFileSystem("a") {
        @Override
        public void delete(String path, boolean recursive, LongConsumer deletedEntries) {
          deletedEntries.accept(3);
        }
      };

  private final List<Long> reported = new ArrayList<>();

  @Test
  void theDefaultCallsTheTwoArgumentDeleteAndReportsNothing() throws IOException {
    List<String> deleted = new ArrayList<>();
    UnderFileSystem plain =
        new StubUnderFileSystem("a") {
          @Override
          public void delete(String path, boolean recursive) {
            deleted.add(path + (recursive ? " -R" : ""));
          }
        };

    plain.delete("/a", true, reported::add);

    assertThat(deleted).containsExactly("/a -R");
    assertThat(reported).isEmpty();
  }

  @Test
  void countingDecoratorPassesTheCountOnAndCountsTheCallOnce() throws IOException {
    CountingUnderFileSystem counting = new CountingUnderFileSystem(reporting);

    counting.delete("/a", true, reported::add);

    assertThat(reported).containsExactly(3L);
    assertThat(counting.count(UfsOperation.DELETE)).isEqualTo(1);
    assertThat(counting.total()).isEqualTo(1);
  }

  @Test
  void faultInjectingDecoratorPassesTheCountOnAndFailsTheCountedDeleteToo() throws IOException {
    FaultInjectingUnderFileSystem failing = new FaultInjectingUnderFileSystem(reporting);
    IOException error = new IOException("injected");
    failing.failNext(UfsOperation.DELETE, error);

    assertThatThrownBy(() -> failing.delete("/a", true, reported::add)).isSameAs(error);
    assertThat(reported).isEmpty();

    failing.delete("/a", true, reported::add);
    assertThat(reported).containsExactly(3L);
  }

  @Test
  void decoratorOverridingOnlyTheTwoArgumentDeleteStillSeesTheCountedOne() throws IOException {
    List<String> seen = new ArrayList<>();
    UnderFileSystem decorator =
        new ForwardingUnderFileSystem(reporting) {
          @Override
          public void delete(String path, boolean recursive) throws IOException {
            seen.add(path);
            super.delete(path, recursive);
          }
        };

    decorator.delete("/a", true, reported::add);

    assertThat(seen).containsExactly("/a");
    // the count is dropped, never the call
    assertThat(reported).isEmpty();
  }
}
