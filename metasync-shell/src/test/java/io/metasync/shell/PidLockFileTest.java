package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidLockFileTest {
  @TempDir Path folder;

  @Test
  void theHolderWritesItsPidAndASecondAttemptIsRefusedNamingItUntilItIsReleased() throws Exception {
    Path file = folder.resolve("x.lock");
    long pid = ProcessHandle.current().pid();

    try (PidLockFile held = PidLockFile.acquire(file, holder -> "held by " + holder)) {
      assertThat(file).hasContent(pid + "\n");
      // the same file by another path is the same lock
      Path sameFile = folder.resolve("sub/../x.lock");
      Files.createDirectories(folder.resolve("sub"));
      assertThatThrownBy(() -> PidLockFile.acquire(sameFile, holder -> "held by " + holder))
          .isInstanceOfSatisfying(
              MetasyncException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
          .hasMessage("held by pid " + pid);
    }

    Files.writeString(file, "an old holder's text");
    try (PidLockFile again = PidLockFile.acquire(file, holder -> "held by " + holder)) {
      assertThat(file).hasContent(pid + "\n");
    }
  }
}
