package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.FileType;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.ReadFileRequest;
import io.metasync.proto.ReadFileResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenFileTest {
  private static final FileInfo HELLO =
      FileInfo.newBuilder()
          .setPath("/hello.txt")
          .setType(FileType.FILE)
          .setLength(11)
          .setOwner("o")
          .setGroup("g")
          .setUfsUri("file:///data/hello.txt")
          .build();

  private static final ServingMaster master = new ServingMaster();
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
  void openGivesTheStatusAndTheBytesOfEveryChunk() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (FileInStream in = client.open("/hello.txt")) {
      assertThat(in.status().length()).isEqualTo(11);
      assertThat(in.read()).isEqualTo('h');
      in.transferTo(bytes);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ello world");
  }

  @Test
  void openOfMissingFileThrowsNotFound() {
    assertThatThrownBy(() -> client.open("/missing"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessage("/missing does not exist");
  }

  @Test
  void closingBeforeTheEndCancelsTheTransfer() throws IOException {
    FileInStream in = client.open("/endless");
    assertThat(in.read(new byte[10])).isEqualTo(10);

    in.close();

    await().untilTrue(master.endlessCancelled);
  }

  @Test
  void bytesBeforeTheStatusAreAProtocolError() {
    assertThatThrownBy(() -> client.open("/headless"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
        .hasMessage("the master sent bytes of /headless before its status");
  }

  private static ReadFileResponse chunk(String text) {
    return ReadFileResponse.newBuilder().setChunk(ByteString.copyFromUtf8(text)).build();
  }

  private static final class ServingMaster extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    final AtomicBoolean endlessCancelled = new AtomicBoolean();

    @Override
    public void readFile(ReadFileRequest request, StreamObserver<ReadFileResponse> responses) {
      switch (request.getPath()) {
        case "/hello.txt" -> {
          responses.onNext(ReadFileResponse.newBuilder().setInfo(HELLO).build());
          responses.onNext(chunk("hello"));
          responses.onNext(chunk(""));
          responses.onNext(chunk(" world"));
          responses.onCompleted();
        }
        case "/headless" -> {
          responses.onNext(chunk("oops"));
          responses.onCompleted();
        }
        case "/endless" -> streamEndlessly((ServerCallStreamObserver<ReadFileResponse>) responses);
        default ->
            responses.onError(
                Status.NOT_FOUND
                    .withDescription(request.getPath() + " does not exist")
                    .asRuntimeException());
      }
    }

    private void streamEndlessly(ServerCallStreamObserver<ReadFileResponse> responses) {
      responses.setOnCancelHandler(() -> endlessCancelled.set(true));
      responses.onNext(ReadFileResponse.newBuilder().setInfo(HELLO).build());
      responses.setOnReadyHandler(
          () -> {
            while (responses.isReady() && !responses.isCancelled()) {
              responses.onNext(chunk("0123456789".repeat(1000)));
            }
          });
    }
  }
}
