package io.metasync.ufs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CountingUnderFileSystemTest {
  private final CountingUnderFileSystem ufs =
      new CountingUnderFileSystem(new StubUnderFileSystem("a", "b"));

  @Test
  void countsEachOperationSeparately() throws IOException {
    ufs.getStatus("/a");
    ufs.getStatus("/b");
    ufs.list("/").close();
    ufs.mkdir("/d", 0755);
    ufs.create("/f", 0644).close();
    ufs.open("/a", 0).close();
    ufs.delete("/a", false);
    ufs.rename("/b", "/c");
    ufs.setMode("/c", 0600);
    ufs.setOwner("/c", "u", null);

    assertThat(ufs.count(UfsOperation.GET_STATUS)).isEqualTo(2);
    for (UfsOperation operation : UfsOperation.values()) {
      if (operation != UfsOperation.GET_STATUS) {
        assertThat(ufs.count(operation)).as(operation.name()).isEqualTo(1);
      }
    }
    assertThat(ufs.total()).isEqualTo(10);
  }

  @Test
  void listingCountsOnceHoweverManyEntriesItYields() throws IOException {
    try (UfsListing listing = ufs.list("/")) {
      while (listing.hasNext()) {
        listing.next();
      }
    }

    assertThat(ufs.count(UfsOperation.LIST)).isEqualTo(1);
    assertThat(ufs.total()).isEqualTo(1);
  }

  @Test
  void failedCallsAreCounted() {
    FaultInjectingUnderFileSystem failing =
        new FaultInjectingUnderFileSystem(new StubUnderFileSystem());
    CountingUnderFileSystem counting = new CountingUnderFileSystem(failing);
    failing.failNext(UfsOperation.GET_STATUS, new IOException("down"));

    assertThatThrownBy(() -> counting.getStatus("/a")).hasMessage("down");

    assertThat(counting.count(UfsOperation.GET_STATUS)).isEqualTo(1);
  }

  @Test
  void resetStartsAgainFromZero() throws IOException {
    ufs.getStatus("/a");
    ufs.mkdir("/d", 0755);

    ufs.reset();

    assertThat(ufs.total()).isZero();
    assertThat(ufs.count(UfsOperation.GET_STATUS)).isZero();
  }

  @Test
  void toStringShowsNonZeroCounts() throws IOException {
    ufs.getStatus("/a");
    ufs.getStatus("/a");
    ufs.list("/").close();

    assertThat(ufs).hasToString("{GET_STATUS=2, LIST=1}");
  }

  @Test
  void concurrentCallsAreAllCounted() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(
            executor.submit(
                () -> {
                  for (int j = 0; j < 1000; j++) {
                    ufs.getStatus("/a");
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

    assertThat(ufs.count(UfsOperation.GET_STATUS)).isEqualTo(4000);
  }

  @Test
  void answersComeFromTheDelegate() throws IOException {
    assertThat(ufs.getStatus("/a")).contains(StubUnderFileSystem.file("a"));
    assertThat(ufs.getStatus("/x")).isEmpty();
    assertThat(ufs.rootUri()).isEqualTo(new StubUnderFileSystem().rootUri());
  }
}
