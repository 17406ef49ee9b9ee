package io.metasync.master.pathconf;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.sync.ReadOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * The read options in effect for one call on one path: the call's own setting if it made one, else
 * the deepest path configuration on the path or an ancestor, else the master's default. Resolved
 * once per request.
 */
public final class ReadOptionsResolver {
  private final ReadOptions defaults;
  private final PathConfRecords records;

  public ReadOptionsResolver(ReadOptions defaults, PathConfRecords records) {
    this.defaults = requireNonNull(defaults, "defaults is null");
    this.records = requireNonNull(records, "records is null");
  }

  /** The read options in effect, and where each came from. */
  public record Effective(
      ReadOptions options, SettingOrigin intervalOrigin, SettingOrigin loadTypeOrigin) {
    public Effective {
      requireNonNull(options, "options is null");
      requireNonNull(intervalOrigin, "intervalOrigin is null");
      requireNonNull(loadTypeOrigin, "loadTypeOrigin is null");
    }
  }

  /**
   * @param callInterval the call's own sync interval, if it set one
   * @param callLoadType the call's own load type, if it set one
   */
  public Effective resolve(
      NamespacePath path, Optional<SyncInterval> callInterval, Optional<LoadType> callLoadType) {
    SyncInterval interval = defaults.interval();
    SettingOrigin intervalOrigin = SettingOrigin.MASTER_DEFAULT;
    if (callInterval.isPresent()) {
      interval = callInterval.get();
      intervalOrigin = SettingOrigin.CALL;
    } else {
      Optional<PathConfRecords.Match> match =
          records.deepest(path, PathConfKey.SYNC_INTERVAL.key());
      if (match.isPresent()) {
        // checked when it was set, with this same parsing
        interval = SyncInterval.parse(match.get().value());
        intervalOrigin = SettingOrigin.pathConf(match.get().path());
      }
    }
    LoadType loadType = defaults.loadType();
    SettingOrigin loadTypeOrigin = SettingOrigin.MASTER_DEFAULT;
    if (callLoadType.isPresent()) {
      loadType = callLoadType.get();
      loadTypeOrigin = SettingOrigin.CALL;
    } else {
      Optional<PathConfRecords.Match> match = records.deepest(path, PathConfKey.LOAD_TYPE.key());
      if (match.isPresent()) {
        loadType = LoadType.valueOf(match.get().value().toUpperCase(Locale.ROOT));
        loadTypeOrigin = SettingOrigin.pathConf(match.get().path());
      }
    }
    return new Effective(new ReadOptions(interval, loadType), intervalOrigin, loadTypeOrigin);
  }
}
