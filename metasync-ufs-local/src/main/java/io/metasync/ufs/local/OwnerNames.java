package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User and group names by numeric id, remembered for a short while. The JDK resolves the names of
 * every file's owner and group with a {@code getpwuid}/{@code getgrgid} call each time (no cache):
 * that was nearly half of a sync's CPU. A folder's files nearly always share a few ids, so each id
 * is looked up once per {@link #TIME_TO_LIVE}, which is also how long a renamed user may show its
 * old name.
 */
final class OwnerNames {
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);
  private static final int MAX_IDS = 10_000;

  private record Name(String name, long loadedMs) {}

  private final Clock clock;
  private final ConcurrentHashMap<Integer, Name> users = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Name> groups = new ConcurrentHashMap<>();

  OwnerNames(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * The name of user {@code uid}, read from {@code file} (which {@code uid} owns) when not known.
   */
  String user(int uid, Path file) throws IOException {
    String known = fresh(users, uid);
    return known != null ? known : remember(users, uid, attributes(file).owner().getName());
  }

  /** The name of group {@code gid}, read from {@code file} (whose group it is) when not known. */
  String group(int gid, Path file) throws IOException {
    String known = fresh(groups, gid);
    return known != null ? known : remember(groups, gid, attributes(file).group().getName());
  }

  private String fresh(ConcurrentHashMap<Integer, Name> names, int id) {
    Name name = names.get(id);
    if (name == null || clock.millis() - name.loadedMs() >= TIME_TO_LIVE.toMillis()) {
      return null;
    }
    return name.name();
  }

  private String remember(ConcurrentHashMap<Integer, Name> names, int id, String name) {
    if (names.size() >= MAX_IDS) {
      names.clear();
    }
    names.put(id, new Name(name, clock.millis()));
    return name;
  }

  private static PosixFileAttributes attributes(Path file) throws IOException {
    return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }
}
