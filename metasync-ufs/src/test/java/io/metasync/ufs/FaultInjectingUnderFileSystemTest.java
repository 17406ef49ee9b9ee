package io.metasync.ufs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectingUnderFileSystemTest {
  private final CountingUnderFileSystem counting =
      new CountingUnderFileSystem(new StubUnderFileSystem("a", "b", "c", "d"));
  private final FaultInjectingUnderFileSystem ufs = new FaultInjectingUnderFileSystem(counting);
  private final IOException error = new IOException("injected");

  @Test
  void failNextFailsOnceWithTheGivenErrorWithoutReachingTheDelegate() throws IOException {
    ufs.failNext(UfsOperation.GET_STATUS, error);

    assertThatThrownBy(() -> ufs.getStatus("/a")).isSameAs(error);
    assertThat(counting.total()).isZero();
    assertThat(ufs.getStatus("/a")).isPresent();
  }

  @Test
  void failNextTouchesOnlyItsOperation() throws IOException {
    ufs.failNext(UfsOperation.DELETE, error);

    ufs.getStatus("/a");
    ufs.mkdir("/d", 0755);

    assertThatThrownBy(() -> ufs.delete("/a", true)).isSameAs(error);
  }

  @Test
  void failNextTwiceFailsTwice() throws IOException {
    IOException second = new IOException("second");
    ufs.failNext(UfsOperation.MKDIR, error);
    ufs.failNext(UfsOperation.MKDIR, second);

    assertThatThrownBy(() -> ufs.mkdir("/d", 0755)).isSameAs(error);
    assertThatThrownBy(() -> ufs.mkdir("/d", 0755)).isSameAs(second);
    ufs.mkdir("/d", 0755);
  }

  @Test
  void failAlwaysFailsUntilHealed() throws IOException {
    ufs.failAlways(UfsOperation.LIST, error);

    assertThatThrownBy(() -> ufs.list("/")).isSameAs(error);
    assertThatThrownBy(() -> ufs.list("/")).isSameAs(error);

    ufs.heal();

    assertThat(names(ufs.list("/"))).containsExactly("a", "b", "c", "d");
  }

  @Test
  void everyOperationCanFail() {
    for (UfsOperation operation : UfsOperation.values()) {
      ufs.failNext(operation, error);
    }

    assertThatThrownBy(() -> ufs.getStatus("/a")).isSameAs(error);
    assertThatThrownBy(() -> ufs.list("/")).isSameAs(error);
    assertThatThrownBy(() -> ufs.mkdir("/d", 0755)).isSameAs(error);
    assertThatThrownBy(() -> ufs.create("/f", 0644)).isSameAs(error);
    assertThatThrownBy(() -> ufs.open("/a", 0)).isSameAs(error);
    assertThatThrownBy(() -> ufs.delete("/a", false)).isSameAs(error);
    assertThatThrownBy(() -> ufs.rename("/a", "/b")).isSameAs(error);
    assertThatThrownBy(() -> ufs.setMode("/a", 0600)).isSameAs(error);
    assertThatThrownBy(() -> ufs.setOwner("/a", "u", "g")).isSameAs(error);
    assertThat(counting.total()).isZero();
  }

  @Test
  void listingFailsAfterTheGivenNumberOfEntries() throws IOException {
    ufs.failListingAfter(2, error);
    List<String> seen = new ArrayList<>();

    try (UfsListing listing = ufs.list("/")) {
      assertThatThrownBy(
              () -> {
                while (listing.hasNext()) {
                  seen.add(listing.next().name());
                }
              })
          .isSameAs(error);
      assertThatThrownBy(listing::next).isSameAs(error);
    }

    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void listingFaultIsUsedByOneListingOnly() throws IOException {
    ufs.failListingAfter(0, error);

    try (UfsListing failing = ufs.list("/")) {
      assertThatThrownBy(failing::hasNext).isSameAs(error);
    }

    assertThat(names(ufs.list("/"))).containsExactly("a", "b", "c", "d");
  }

  @Test
  void listingShorterThanTheFaultFailsWhereItWouldHaveEnded() throws IOException {
    ufs.failListingAfter(10, error);
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> seen.addAll(names(ufs.list("/")))).isSameAs(error);
  }

  @Test
  void healRemovesAPendingListingFault() throws IOException {
    ufs.failListingAfter(1, error);

    ufs.heal();

    assertThat(names(ufs.list("/"))).containsExactly("a", "b", "c", "d");
  }

  private static List<String> names(UfsListing listing) throws IOException {
    List<String> names = new ArrayList<>();
    try (listing) {
      while (listing.hasNext()) {
        names.add(listing.next().name());
      }
    }
    return names;
  }
}
