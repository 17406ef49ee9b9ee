package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.FileType;
import io.metasync.proto.ListStatusPage;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListStatusTest {
  /** Far more than the transport's flow-control windows can hold: about 100 MB. */
  private static final int WIDE_PAGES = 1000;

  private static final int ENTRIES_PER_PAGE = 100;

  private static final PagingMaster master = new PagingMaster();
  private static TestServer server;
  private static MetasyncClient client;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(master);
    client = server.client();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void listingSkipsEmptyPages() {
    List<String> paths = new ArrayList<>();
    try (CloseableIterator<FileStatus> listing = client.listStatus("/sparse", false)) {
      listing.forEachRemaining(status -> paths.add(status.path()));
    }

    assertThat(paths).containsExactly("/sparse/a", "/sparse/b");
  }

  @Test
  void wideListingIsFetchedOnlyAsFarAsItIsRead() {
    try (CloseableIterator<FileStatus> listing = client.listStatus("/wide", false)) {
      assertThat(listing.next().path()).isEqualTo("/wide/0-0");

      await().untilTrue(master.wideWaitsForReader);
      assertThat(master.widePagesSent.get()).isLessThan(WIDE_PAGES / 5);
    }
  }

  @Test
  void closingListingEarlyCancelsTheCall() {
    master.wideCancelled.set(false);
    CloseableIterator<FileStatus> listing = client.listStatus("/wide", false);
    listing.next();

    listing.close();

    await().untilTrue(master.wideCancelled);
  }

  @Test
  void errorInTheMiddleOfListingSurfacesFromTheIterator() {
    try (CloseableIterator<FileStatus> listing = client.listStatus("/failing", true)) {
      assertThat(listing.next().path()).isEqualTo("/failing/a");
      assertThatThrownBy(listing::hasNext)
          .isInstanceOfSatisfying(
              MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
          .hasMessage("cannot list file:///data/failing: Input/output error");
    }
  }

  private static FileInfo entry(String path) {
    return FileInfo.newBuilder()
        .setPath(path)
        .setType(FileType.FILE)
        .setOwner("o")
        .setGroup("g")
        .setUfsUri("file:///data" + path)
        .build();
  }

  /** Streams listings the way the master must: only while the transport is ready. */
  private static final class PagingMaster extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    final AtomicInteger widePagesSent = new AtomicInteger();
    final AtomicBoolean wideWaitsForReader = new AtomicBoolean();
    final AtomicBoolean wideCancelled = new AtomicBoolean();

    @Override
    public void listStatus(ListStatusRequest request, StreamObserver<ListStatusPage> responses) {
      switch (request.getPath()) {
        case "/sparse" -> {
          responses.onNext(ListStatusPage.getDefaultInstance());
          responses.onNext(
              ListStatusPage.newBuilder()
                  .addEntries(entry("/sparse/a"))
                  .addEntries(entry("/sparse/b"))
                  .build());
          responses.onNext(ListStatusPage.getDefaultInstance());
          responses.onCompleted();
        }
        case "/failing" -> {
          responses.onNext(ListStatusPage.newBuilder().addEntries(entry("/failing/a")).build());
          responses.onError(
              Status.UNAVAILABLE
                  .withDescription("cannot list file:///data/failing: Input/output error")
                  .asRuntimeException());
        }
        default -> streamWideListing((ServerCallStreamObserver<ListStatusPage>) responses);
      }
    }

    private void streamWideListing(ServerCallStreamObserver<ListStatusPage> responses) {
      widePagesSent.set(0);
      wideWaitsForReader.set(false);
      responses.setOnCancelHandler(() -> wideCancelled.set(true));
      responses.setOnReadyHandler(
          () -> {
            while (responses.isReady() && widePagesSent.get() < WIDE_PAGES) {
              responses.onNext(widePage(widePagesSent.getAndIncrement()));
            }
            if (widePagesSent.get() == WIDE_PAGES) {
              responses.onCompleted();
            } else {
              wideWaitsForReader.set(true);
            }
          });
    }

    private static ListStatusPage widePage(int number) {
      ListStatusPage.Builder page = ListStatusPage.newBuilder();
      String padding = "x".repeat(1000);
      page.addEntries(entry("/wide/" + number + "-0"));
      for (int i = 1; i < ENTRIES_PER_PAGE; i++) {
        page.addEntries(entry("/wide/" + number + "-" + i + "-" + padding));
      }
      return page.build();
    }
  }
}
