package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local file system's errors that a retry cannot mend are refusals, not failures. */
class LocalRefusalsTest {
  @Test
  void permanentErrnoTextsAreRefusalsWithoutThePath() {
    assertRefusal("File name too long", Reason.NAME_TOO_LONG);
    assertRefusal("Read-only file system", Reason.READ_ONLY);
    assertRefusal("No space left on device", Reason.OUT_OF_SPACE);
    assertRefusal("Disk quota exceeded", Reason.OUT_OF_SPACE);
    assertRefusal("Is a directory", Reason.IS_A_FOLDER);
  }

  @Test
  void otherErrorsAreNoRefusal() {
    assertThat(LocalRefusals.of(new FileSystemException("/f", null, "Input/output error")))
        .isNull();
    assertThat(LocalRefusals.of(new FileSystemException("/f"))).isNull();
  }

  @Test
  void aLocalPathLongerThanLinuxTakesIsRefusedSayingBothLengths() {
    Path deep = Path.of("/data", "abcdefghi/".repeat(500));

    assertThatThrownBy(() -> LocalRefusals.checkLength(deep))
        .isInstanceOfSatisfying(
            UfsRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TOO_LONG))
        .hasMessage("its local path would have 5,005 bytes, more than the 4,095 Linux allows");
  }

  private static void assertRefusal(String reason, Reason expected) {
    String longPath = "/data/" + "x".repeat(5_000);
    UfsRefusedException refused = LocalRefusals.of(new FileSystemException(longPath, null, reason));

    assertThat(refused.reason()).isEqualTo(expected);
    assertThat(refused.getMessage()).doesNotContain("xxx");
  }
}
