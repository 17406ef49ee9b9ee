package io.metasync.ufs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private final Fingerprint base = new Fingerprint(FileType.FILE, 10, 1000, "u", "g", 0644, "h");

  @Test
  void sameFingerprintIsNoChange() {
    assertThat(base.compare(new Fingerprint(FileType.FILE, 10, 1000, "u", "g", 0644, "h")))
        .isEqualTo(Fingerprint.Change.NONE);
  }

  @Test
  void ownerGroupOrModeAloneIsAMetadataChange() {
    assertThat(base.compare(with("v", "g", 0644))).isEqualTo(Fingerprint.Change.METADATA);
    assertThat(base.compare(with("u", "h", 0644))).isEqualTo(Fingerprint.Change.METADATA);
    assertThat(base.compare(with("u", "g", 0600))).isEqualTo(Fingerprint.Change.METADATA);
  }

  @Test
  void typeLengthTimeOrHashIsAContentChangeEvenWithMetadataChanges() {
    assertThat(base.compare(new Fingerprint(FileType.DIRECTORY, 10, 1000, "u", "g", 0644, "h")))
        .isEqualTo(Fingerprint.Change.CONTENT);
    assertThat(base.compare(new Fingerprint(FileType.FILE, 11, 1000, "u", "g", 0644, "h")))
        .isEqualTo(Fingerprint.Change.CONTENT);
    assertThat(base.compare(new Fingerprint(FileType.FILE, 10, 1001, "u", "g", 0644, "h")))
        .isEqualTo(Fingerprint.Change.CONTENT);
    assertThat(base.compare(new Fingerprint(FileType.FILE, 10, 1000, "x", "g", 0600, "i")))
        .isEqualTo(Fingerprint.Change.CONTENT);
  }

  @Test
  void statusGivesItsFingerprint() {
    UfsStatus status =
        new UfsStatus("f", new Fingerprint(FileType.FILE, 10, 1000, "u", "g", 0644, "h"));

    assertThat(status.fingerprint()).isEqualTo(base);
  }

  @Test
  void statusRefusesNegativeLengthAndModeOutOfRange() {
    assertThatThrownBy(
            () -> new UfsStatus("f", new Fingerprint(FileType.FILE, -1, 0, "u", "g", 0644, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length of f");
    assertThatThrownBy(
            () -> new UfsStatus("f", new Fingerprint(FileType.FILE, 0, 0, "u", "g", 010000, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mode of f");
  }

  private static Fingerprint with(String owner, String group, int mode) {
    return new Fingerprint(FileType.FILE, 10, 1000, owner, group, mode, "h");
  }
}
