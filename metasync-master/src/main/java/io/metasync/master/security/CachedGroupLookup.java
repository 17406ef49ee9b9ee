package io.metasync.master.security;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers each user's groups for a while, as Hadoop's {@code hadoop.security.groups.cache.secs}
 * does (300 s there too): a lookup forks a process, and every call needs the caller's groups.
 */
public final class CachedGroupLookup implements GroupLookup {
  /** Users remembered at most; past it the cache starts again (users are few, names are short). */
  private static final int MAX_USERS = 100_000;

  private record Entry(List<String> groups, long expiresMs) {}

  private final GroupLookup delegate;
  private final Clock clock;
  private final Duration ttl;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  public CachedGroupLookup(GroupLookup delegate, Clock clock, Duration ttl) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.ttl = requireNonNull(ttl, "ttl is null");
  }

  @Override
  public List<String> groups(String user) {
    long now = clock.millis();
    Entry entry = entries.get(user);
    if (entry == null || now >= entry.expiresMs()) {
      if (entries.size() >= MAX_USERS) {
        entries.clear();
      }
      entry = new Entry(List.copyOf(delegate.groups(user)), now + ttl.toMillis());
      entries.put(user, entry);
    }
    return entry.groups();
  }
}
