package io.metasync.master.pathconf;

import io.metasync.common.NamespacePath;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.PathConfRecord;
import io.metasync.proto.journal.SnapshotHeader;
import io.metasync.proto.journal.UnsetPathConf;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The journaled path configuration: for each path, the client-side keys set on it (values already
 * checked when they were set). Changed only by {@link #apply}, in log order on the journal's one
 * applying thread; read by any thread (each path's map is replaced whole, never changed).
 */
public final class PathConfRecords {
  private final ConcurrentSkipListMap<NamespacePath, Map<String, String>> byPath =
      new ConcurrentSkipListMap<>();

  /** The value of {@code key} at the deepest of {@code path} and its ancestors that sets it. */
  public record Match(NamespacePath path, String value) {}

  /** Applies a path-configuration entry (one {@link #handles} accepts). */
  public void apply(JournalEntry entry) {
    switch (entry.getEntryCase()) {
      case SET_PATH_CONF -> {
        PathConfRecord record = entry.getSetPathConf();
        NamespacePath path = NamespacePath.parse(record.getPath());
        Map<String, String> merged = new HashMap<>(byPath.getOrDefault(path, Map.of()));
        merged.putAll(record.getPropertiesMap());
        byPath.put(path, Map.copyOf(merged));
      }
      case UNSET_PATH_CONF -> {
        UnsetPathConf unset = entry.getUnsetPathConf();
        NamespacePath path = NamespacePath.parse(unset.getPath());
        Map<String, String> left = new HashMap<>(byPath.getOrDefault(path, Map.of()));
        unset.getKeysList().forEach(left::remove);
        if (left.isEmpty()) {
          byPath.remove(path);
        } else {
          byPath.put(path, Map.copyOf(left));
        }
      }
      default ->
          throw new IllegalArgumentException(
              "not a path-configuration journal entry: " + entry.getEntryCase());
    }
  }

  /** Whether {@link #apply} takes this entry. */
  public static boolean handles(JournalEntry entry) {
    return switch (entry.getEntryCase()) {
      case SET_PATH_CONF, UNSET_PATH_CONF -> true;
      default -> false;
    };
  }

  /** The keys set on {@code path} itself. */
  public Map<String, String> at(NamespacePath path) {
    return byPath.getOrDefault(path, Map.of());
  }

  /** Every configured path at or below {@code top}, in path order. */
  public SortedMap<NamespacePath, Map<String, String>> atOrBelow(NamespacePath top) {
    // Few paths are configured: a scan costs less than relying on how paths sort.
    SortedMap<NamespacePath, Map<String, String>> found = new TreeMap<>();
    byPath.forEach(
        (path, properties) -> {
          if (path.startsWith(top)) {
            found.put(path, properties);
          }
        });
    return Collections.unmodifiableSortedMap(found);
  }

  /** The deepest setting of {@code key} on {@code path} or an ancestor, if any sets it. */
  public Optional<Match> deepest(NamespacePath path, String key) {
    if (byPath.isEmpty()) {
      return Optional.empty();
    }
    for (NamespacePath at = path; ; at = at.parent()) {
      String value = byPath.getOrDefault(at, Map.of()).get(key);
      if (value != null) {
        return Optional.of(new Match(at, value));
      }
      if (at.isRoot()) {
        return Optional.empty();
      }
    }
  }

  /** Puts every path's configuration into a snapshot's header, in path order. */
  public void writeTo(SnapshotHeader.Builder header) {
    byPath.forEach(
        (path, properties) ->
            header.addPathConf(
                PathConfRecord.newBuilder().setPath(path.toString()).putAllProperties(properties)));
  }

  /** Replaces everything with a snapshot's. */
  public void loadFrom(SnapshotHeader header) {
    byPath.clear();
    for (PathConfRecord record : header.getPathConfList()) {
      byPath.put(NamespacePath.parse(record.getPath()), Map.copyOf(record.getPropertiesMap()));
    }
  }
}
