package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.FileStatus;
import io.metasync.common.FileType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusFormatTest {
  private static final long MODIFIED =
      OffsetDateTime.of(2026, 11, 25, 12, 34, 56, 789_000_000, ZoneOffset.ofHours(1))
          .toInstant()
          .toEpochMilli();

  private static final FileStatus FILE =
      new FileStatus(
          "/data/my report.csv",
          FileType.FILE,
          1234,
          MODIFIED,
          "alice",
          "staff",
          0644,
          "file:///srv/data/my%20report.csv",
          MODIFIED + 1000,
          false);

  private final StatusFormat format = new StatusFormat(ZoneId.of("Europe/Paris"));

  @Test
  void listLineHasTwoSpaceSeparatedFieldsWithThePathLast() {
    assertThat(format.listLine(FILE))
        .isEqualTo(
            "-rw-r--r--  alice  staff  1234  2026-11-25T12:34:56.789+01:00  /data/my report.csv");
  }

  @Test
  void listLineOfDirectoryStartsWithD() {
    FileStatus directory =
        new FileStatus(
            "/data",
            FileType.DIRECTORY,
            0,
            MODIFIED,
            "alice",
            "staff",
            0755,
            "file:///srv/data",
            0,
            true);

    assertThat(format.listLine(directory)).startsWith("drwxr-xr-x  alice  staff  0  ");
  }

  @Test
  void emptyOwnerAndGroupAreShownAsDashSoFieldsStayInPlace() {
    FileStatus anonymous =
        new FileStatus("/x", FileType.FILE, 1, MODIFIED, "", "", 0644, "file:///x", 0, false);

    assertThat(format.listLine(anonymous).split("  ")).hasSize(6).contains("-");
  }

  @Test
  void timeIsIsoWithMillisecondsAndTheZoneOffset() {
    assertThat(new StatusFormat(ZoneId.of("UTC")).time(0))
        .isEqualTo("1970-01-01T00:00:00.000+00:00");
    assertThat(format.time(MODIFIED)).isEqualTo("2026-11-25T12:34:56.789+01:00");
  }

  @Test
  void statShowsEveryFieldAsKeyValueLines() {
    assertThat(format.statLines(FILE))
        .containsExactly(
            "path: /data/my report.csv",
            "type: FILE",
            "length: 1234",
            "lastModified: 2026-11-25T12:34:56.789+01:00",
            "owner: alice",
            "group: staff",
            "mode: 0644",
            "permission: -rw-r--r--",
            "ufsUri: file:///srv/data/my%20report.csv",
            "lastSynced: 2026-11-25T12:34:57.789+01:00",
            "mountPoint: false");
  }

  @Test
  void statShowsUnknownWhenTheMasterDoesNotKnowTheLastSync() {
    FileStatus neverSynced =
        new FileStatus("/x", FileType.FILE, 1, MODIFIED, "a", "b", 0644, "file:///x", 0, false);

    assertThat(format.statLines(neverSynced)).contains("lastSynced: unknown");
  }

  @Test
  void localTimesShowsTheMastersUtcTimesAsLsShowsTimes() {
    assertThat(
            format.localTimes(
                "modified 2026-11-25T11:34:56.789Z in metasync, 2026-07-01T00:00:00.000Z in the"
                    + " UFS"))
        .isEqualTo(
            "modified 2026-11-25T12:34:56.789+01:00 in metasync, 2026-07-01T02:00:00.000+02:00"
                + " in the UFS");
    assertThat(format.localTimes("length 3 in metasync, 5 in the UFS"))
        .isEqualTo("length 3 in metasync, 5 in the UFS");
  }
}
