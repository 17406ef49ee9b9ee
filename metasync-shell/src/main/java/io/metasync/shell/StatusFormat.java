package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import io.metasync.client.FileStatus;
import io.metasync.common.FileModes;
import io.metasync.common.PrintableNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How {@code ls} and {@code stat} show a status. Scripts parse this, so it is fixed: {@code ls}
 * fields are separated by two spaces, no field is ever empty, times are one token, and the path
 * comes last so that it may contain spaces.
 */
final class StatusFormat {
  /**
   * ISO-8601 with millisecond precision and the zone's offset, e.g. 2026-11-25T12:34:56.789+01:00.
   */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

  private static final Pattern UTC_TIME =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\b");

  private static final String SEPARATOR = "  ";

  private final ZoneId zone;

  StatusFormat(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone is null");
  }

  String time(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
  }

  /**
   * {@code text} (a message of the master's, such as a {@code checkConsistency} difference) with
   * every UTC time the master wrote into it ({@code 2026-11-25T11:34:56.789Z}) shown as {@link
   * #time} shows times.
   */
  String localTimes(String text) {
    return UTC_TIME
        .matcher(text)
        .replaceAll(match -> time(Instant.parse(match.group()).toEpochMilli()));
  }

  /** mode, owner, group, length, modification time, path. */
  String listLine(FileStatus status) {
    return String.join(
        SEPARATOR,
        FileModes.symbolic(status.type(), status.mode()),
        nonEmpty(status.owner()),
        nonEmpty(status.group()),
        Long.toString(status.length()),
        time(status.lastModifiedMs()),
        PrintableNames.escape(status.path()));
  }

  List<String> statLines(FileStatus status) {
    return List.of(
        "path: " + PrintableNames.escape(status.path()),
        "type: " + status.type(),
        "length: " + status.length(),
        "lastModified: " + time(status.lastModifiedMs()),
        "owner: " + status.owner(),
        "group: " + status.group(),
        "mode: " + PermissionFormat.octal(status.mode()),
        "permission: " + FileModes.symbolic(status.type(), status.mode()),
        "ufsUri: " + status.ufsUri(),
        "lastSynced: " + (status.lastSyncedMs() == 0 ? "unknown" : time(status.lastSyncedMs())),
        "mountPoint: " + status.mountPoint());
  }

  /** An empty owner or group would shift every later field for a script splitting on spaces. */
  private static String nonEmpty(String field) {
    return field.isEmpty() ? "-" : field;
  }
}
