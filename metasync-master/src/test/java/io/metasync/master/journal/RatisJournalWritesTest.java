package io.metasync.master.journal;

import static io.metasync.master.journal.RecordingState.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through one journal shared by the class: order, and concurrent writers. */
class RatisJournalWritesTest {
  @TempDir static Path folder;

  private static RecordingState state;
  private static RatisJournal journal;

  @BeforeAll
  static void openJournal() {
    state = new RecordingState();
    journal = RatisJournal.open(RatisJournalRestartTest.configuration(folder, "2000000"), state);
  }

  @AfterAll
  static void closeJournal() {
    journal.close();
  }

  @Test
  void entriesAreAppliedInWriteOrderBeforeWriteReturns() {
    int before = state.names().size();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String name = "order-" + i;
      journal.write(entry(name));
      written.add(name);
      assertThat(state.names()).endsWith(name);
    }

    assertThat(state.names().subList(before, before + 50)).containsExactlyElementsOf(written);
  }

  @Test
  void concurrentWritersAreEachAppliedExactlyOnceInTheirOwnOrder() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "thread" + t + "-";
        futures.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    journal.write(entry(prefix + i));
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      executor.shutdownNow();
    }

    List<String> applied =
        state.names().stream().filter(name -> name.startsWith("thread")).toList();
    assertThat(applied).hasSize(threads * perThread);
    assertThat(new HashSet<>(applied)).hasSize(threads * perThread);
    for (int t = 0; t < threads; t++) {
      String prefix = "thread" + t + "-";
      List<String> ofThread = applied.stream().filter(name -> name.startsWith(prefix)).toList();
      assertThat(ofThread)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, perThread).mapToObj(i -> prefix + i).toList());
    }
  }
}
