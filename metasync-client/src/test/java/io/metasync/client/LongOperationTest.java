package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.CheckConsistencyResponse;
import io.metasync.proto.DeletePhase;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.LoadMetadataResponse;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LongOperationTest {
  private static TestServer server;
  private static MetasyncClient client;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(new ReportingMaster());
    client = server.client();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void loadMetadataReportsEveryProgressAndReturnsTheLast() {
    List<Progress> reports = new ArrayList<>();

    Progress result = client.loadMetadata("/x", true, reports::add);

    assertThat(reports)
        .containsExactly(
            new Progress(1, 10, 1000, false),
            new Progress(2, 20, 2000, false),
            new Progress(3, 30, 2500, true));
    assertThat(result).isEqualTo(new Progress(3, 30, 2500, true));
  }

  @Test
  void checkConsistencyPassesEachDifferenceAndCountsThem() {
    List<Inconsistency> differences = new ArrayList<>();
    List<Progress> reports = new ArrayList<>();

    long count = client.checkConsistency("/x", true, differences::add, reports::add);

    assertThat(count).isEqualTo(2);
    assertThat(differences)
        .containsExactly(
            new Inconsistency("/x/a", "length 3 in metasync, 5 in the UFS"),
            new Inconsistency("/x/b", "missing from the UFS"));
    assertThat(reports).containsExactly(new Progress(1, 2, 10, true));
  }

  @Test
  void deleteWithProgressReportsBothPhasesAndReturnsTheLast() {
    List<DeleteProgress> reports = new ArrayList<>();

    DeleteProgress result = client.deleteWithProgress("/x", true, reports::add);

    assertThat(reports)
        .containsExactly(
            new DeleteProgress(DeleteProgress.Phase.UFS, 0, 0, 200, 200, false),
            new DeleteProgress(DeleteProgress.Phase.UFS, 5_000, 0, 400, 400, false),
            new DeleteProgress(DeleteProgress.Phase.CACHE, 10_001, 3_000, 600, 100, false),
            new DeleteProgress(DeleteProgress.Phase.CACHE, 10_001, 10_001, 700, 200, true));
    assertThat(result).isEqualTo(reports.get(3));
  }

  @Test
  void deleteWithProgressFailsWithTheMastersCodeAndMessage() {
    assertThatThrownBy(() -> client.deleteWithProgress("/missing", true, report -> {}))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessage("/missing does not exist");
  }

  @Test
  void deleteWithProgressWithoutAnyReportIsAnInternalError() {
    assertThatThrownBy(() -> client.deleteWithProgress("/silent", true, report -> {}))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
        .hasMessageContaining("the delete of /silent");
  }

  private static io.metasync.proto.DeleteProgress deleteProgress(
      DeletePhase phase, long ufs, long cache, long elapsedMs, long phaseMs, boolean done) {
    return io.metasync.proto.DeleteProgress.newBuilder()
        .setPhase(phase)
        .setUfsEntries(ufs)
        .setCacheEntries(cache)
        .setElapsedMs(elapsedMs)
        .setPhaseElapsedMs(phaseMs)
        .setDone(done)
        .build();
  }

  private static io.metasync.proto.Progress progress(
      long directories, long files, long elapsedMs, boolean done) {
    return io.metasync.proto.Progress.newBuilder()
        .setDirectories(directories)
        .setFiles(files)
        .setElapsedMs(elapsedMs)
        .setDone(done)
        .build();
  }

  private static final class ReportingMaster extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    @Override
    public void loadMetadata(SyncRequest request, StreamObserver<LoadMetadataResponse> responses) {
      responses.onNext(
          LoadMetadataResponse.newBuilder().setProgress(progress(1, 10, 1000, false)).build());
      responses.onNext(
          LoadMetadataResponse.newBuilder().setProgress(progress(2, 20, 2000, false)).build());
      responses.onNext(
          LoadMetadataResponse.newBuilder().setProgress(progress(3, 30, 2500, true)).build());
      responses.onCompleted();
    }

    @Override
    public void checkConsistency(
        SyncRequest request, StreamObserver<CheckConsistencyResponse> responses) {
      responses.onNext(inconsistency("/x/a", "length 3 in metasync, 5 in the UFS"));
      responses.onNext(inconsistency("/x/b", "missing from the UFS"));
      responses.onNext(
          CheckConsistencyResponse.newBuilder().setProgress(progress(1, 2, 10, true)).build());
      responses.onCompleted();
    }

    @Override
    public void deleteWithProgress(
        DeleteRequest request, StreamObserver<io.metasync.proto.DeleteProgress> responses) {
      switch (request.getPath()) {
        case "/missing" ->
            responses.onError(
                Status.NOT_FOUND.withDescription("/missing does not exist").asRuntimeException());
        case "/silent" -> responses.onCompleted();
        default -> {
          responses.onNext(deleteProgress(DeletePhase.DELETE_PHASE_UFS, 0, 0, 200, 200, false));
          responses.onNext(deleteProgress(DeletePhase.DELETE_PHASE_UFS, 5_000, 0, 400, 400, false));
          responses.onNext(
              deleteProgress(DeletePhase.DELETE_PHASE_CACHE, 10_001, 3_000, 600, 100, false));
          responses.onNext(
              deleteProgress(DeletePhase.DELETE_PHASE_CACHE, 10_001, 10_001, 700, 200, true));
          responses.onCompleted();
        }
      }
    }

    private static CheckConsistencyResponse inconsistency(String path, String description) {
      return CheckConsistencyResponse.newBuilder()
          .setInconsistency(
              io.metasync.proto.Inconsistency.newBuilder()
                  .setPath(path)
                  .setDescription(description))
          .build();
    }
  }
}
