package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error codes tell the caller whether a retry can help: what the UFS refuses for good is never
 * UNAVAILABLE nor "retry later", a UFS that fails is; and a path too long creates nothing. Over a
 * real master, real gRPC and a real local folder (with injected failures where a local folder
 * cannot fail on demand).
 */
class UfsErrorCodesTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static FaultInjectingUnderFileSystem faults;
  private String dir;

  @BeforeAll
  static void startMaster() throws IOException {
    fixture =
        MasterFixture.start(
            folder, ufs -> faults = new FaultInjectingUnderFileSystem(ufs), Map.of());
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws InterruptedException {
    fixture.close();
  }

  /** Each test works in a folder of its own, named after it. */
  @BeforeEach
  void makeFolderOfTheTest(TestInfo test) {
    dir = "/" + test.getTestMethod().orElseThrow().getName();
    calls.mkdir(dir, false);
  }

  @AfterEach
  void heal() {
    faults.heal();
  }

  @Test
  void mkdirPOfAPathOverTheLimitCreatesNothingAndNamesItShortened() throws IOException {
    String path = dir + "/abcdefghi".repeat(900);

    StatusRuntimeException e = refused(() -> calls.mkdir(path, true));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .isEqualTo(
            "the path "
                + path.substring(0, 100)
                + "... ("
                + String.format("%,d", path.length())
                + " characters) is longer than 8,000 characters, the most metasync accepts (as"
                + " HDFS); use a shorter path");
    assertNothingCreated();
  }

  @Test
  void mkdirPOfAPathTooLongForTheLocalFolderCreatesNothing() throws IOException {
    String path = dir + "/abcdefghi".repeat(550); // under 8,000, over Linux's 4,095 bytes

    StatusRuntimeException e = refused(() -> calls.mkdir(path, true));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith(path.substring(0, 100) + "... (")
        .contains("is too long for the UFS: its local path would have ")
        .endsWith("bytes, more than the 4,095 Linux allows; use a shorter path")
        .doesNotContain("retry")
        .hasSizeLessThan(600);
    assertNothingCreated();
  }

  @Test
  void anUnknownOwnerIsInvalidArgumentNotRetryLater() throws Exception {
    calls.write(dir + "/f", new byte[1]);

    StatusRuntimeException e = refused(() -> chown(dir + "/f", "no-such-user-x7"));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith("cannot change the owner of " + dir + "/f (UFS file:")
        .endsWith(
            ": no user 'no-such-user-x7' on this machine; use a user and group that exist there");
  }

  @Test
  void refusalsOfTheUfsAreNeverUnavailable() {
    assertRefusedMkdir(Reason.NAME_TOO_LONG, Status.Code.INVALID_ARGUMENT, "use a shorter path");
    assertRefusedMkdir(Reason.INVALID_NAME, Status.Code.INVALID_ARGUMENT, "use another name");
    assertRefusedMkdir(Reason.READ_ONLY, Status.Code.FAILED_PRECONDITION, "make it writable");
    assertRefusedMkdir(Reason.OUT_OF_SPACE, Status.Code.FAILED_PRECONDITION, "free space");
  }

  @Test
  void aUfsThatFailsIsUnavailableSayingTheCauseOnceAndRetryLater() {
    // as Hadoop reports it: the cause wrapped in an exception that repeats it
    ConnectException refused = new ConnectException("Connection refused");
    faults.failNext(UfsOperation.MKDIR, new IOException("Connection refused", refused));

    StatusRuntimeException e = refused(() -> calls.mkdir(dir + "/d", false));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.getStatus().getDescription())
        .startsWith("the UFS failed for " + dir + "/d (UFS file:")
        .endsWith(": connection refused; retry later");
  }

  private void assertRefusedMkdir(Reason reason, Status.Code code, String whatToDo) {
    faults.failNext(UfsOperation.MKDIR, new UfsRefusedException(reason, "the UFS says no"));

    StatusRuntimeException e = refused(() -> calls.mkdir(dir + "/d", false));

    assertThat(e.getStatus().getCode()).as(reason.name()).isEqualTo(code);
    assertThat(e.getStatus().getDescription())
        .as(reason.name())
        .contains(dir + "/d", "the UFS says no", whatToDo)
        .doesNotContain("retry");
  }

  private static StatusRuntimeException refused(Runnable call) {
    return (StatusRuntimeException)
        assertThatThrownBy(call::run).isInstanceOf(StatusRuntimeException.class).actual();
  }

  private static void chown(String path, String owner) {
    fixture
        .stub()
        .setAttribute(
            SetAttributeRequest.newBuilder()
                .setContext(RpcCalls.context(NEVER))
                .setPath(path)
                .setOwner(owner)
                .build());
  }

  private void assertNothingCreated() throws IOException {
    try (Stream<Path> entries = Files.list(fixture.rootFolder().resolve(dir.substring(1)))) {
      assertThat(entries).isEmpty();
    }
    assertThat(calls.list(dir, false, ALWAYS)).isEmpty();
  }
}
