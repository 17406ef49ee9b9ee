package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class PosixModesTest {
  @Test
  void everyPermissionModeRoundTrips() {
    for (int mode = 0; mode <= 0777; mode++) {
      assertThat(PosixModes.toMode(PosixModes.toPermissions(mode))).isEqualTo(mode);
    }
  }

  @Test
  void bitsMatchTheLsNotation() {
    assertThat(PosixModes.toPermissions(0754))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr--"));
    assertThat(PosixModes.toMode(PosixFilePermissions.fromString("rw-------"))).isEqualTo(0600);
  }

  @Test
  void specialBitsAreDropped() {
    assertThat(PosixModes.toPermissions(04755)).isEqualTo(PosixModes.toPermissions(0755));
  }
}
