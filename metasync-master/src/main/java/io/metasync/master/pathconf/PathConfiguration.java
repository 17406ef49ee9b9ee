package io.metasync.master.pathconf;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.PathConfRecord;
import io.metasync.proto.journal.UnsetPathConf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Setting, unsetting and listing the path configuration (fs pathConf). Keys and values are checked
 * here, before anything is journaled; the journal's apply ({@link PathConfRecords}) only records.
 * Who may call is the RPC layer's business.
 */
public final class PathConfiguration {
  private final Journal journal;
  private final PathConfRecords records;

  public PathConfiguration(Journal journal, PathConfRecords records) {
    this.journal = requireNonNull(journal, "journal is null");
    this.records = requireNonNull(records, "records is null");
  }

  /**
   * Sets {@code properties} on {@code path}, keeping the keys it already has and does not name.
   * Journaled before it is answered; it takes effect once applied.
   *
   * @throws MetasyncException INVALID_ARGUMENT for no property, a key a path may not set (the
   *     message lists those it may) or a value the configuration would refuse
   */
  public void set(NamespacePath path, Map<String, String> properties) {
    if (properties.isEmpty()) {
      throw MetasyncException.invalidArgument(
          "nothing to set on " + path + ": give KEY=VALUE, one of " + PathConfKey.allowed());
    }
    Map<String, String> checked = new LinkedHashMap<>();
    properties.forEach((name, value) -> checked.put(name, PathConfKey.of(name).check(value, path)));
    journal.write(
        JournalEntry.newBuilder()
            .setSetPathConf(
                PathConfRecord.newBuilder().setPath(path.toString()).putAllProperties(checked))
            .build());
  }

  /**
   * Removes {@code keys} from {@code path}'s configuration.
   *
   * @throws MetasyncException INVALID_ARGUMENT for a key a path may not set, NOT_FOUND when {@code
   *     path} does not set one of {@code keys}
   */
  public void unset(NamespacePath path, List<String> keys) {
    if (keys.isEmpty()) {
      throw MetasyncException.invalidArgument(
          "nothing to unset on " + path + ": give a KEY, one of " + PathConfKey.allowed());
    }
    Map<String, String> current = records.at(path);
    for (String key : keys) {
      PathConfKey.of(key);
      if (!current.containsKey(key)) {
        throw new MetasyncException(
            ErrorCode.NOT_FOUND,
            path + " does not set " + key + "; see fs pathConf list for what is set where");
      }
    }
    journal.write(
        JournalEntry.newBuilder()
            .setUnsetPathConf(UnsetPathConf.newBuilder().setPath(path.toString()).addAllKeys(keys))
            .build());
  }

  /** The configuration of {@code top} and of every configured path below it, in path order. */
  public SortedMap<NamespacePath, Map<String, String>> list(NamespacePath top) {
    return records.atOrBelow(top);
  }

  /** What the read options resolver reads. */
  public PathConfRecords records() {
    return records;
  }
}
