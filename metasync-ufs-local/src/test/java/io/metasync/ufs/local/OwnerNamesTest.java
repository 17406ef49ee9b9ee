package io.metasync.ufs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerNamesTest {
  @TempDir Path folder;

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T00:00:00Z");

    void advance(java.time.Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void namesAreTheFilesOwnerAndGroupAndAreRememberedForTheirTimeToLive() throws Exception {
    Path file = Files.writeString(folder.resolve("f"), "x");
    PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
    int uid = (Integer) Files.getAttribute(file, "unix:uid");
    int gid = (Integer) Files.getAttribute(file, "unix:gid");
    ManualClock clock = new ManualClock();
    OwnerNames names = new OwnerNames(clock);

    assertThat(names.user(uid, file)).isEqualTo(attributes.owner().getName());
    assertThat(names.group(gid, file)).isEqualTo(attributes.group().getName());

    // Remembered: the file is not read again within the time to live.
    Files.delete(file);
    clock.advance(OwnerNames.TIME_TO_LIVE.minusSeconds(1));
    assertThat(names.user(uid, file)).isEqualTo(attributes.owner().getName());

    // Looked up again after it.
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThatThrownBy(() -> names.user(uid, file)).isInstanceOf(NoSuchFileException.class);
  }
}
