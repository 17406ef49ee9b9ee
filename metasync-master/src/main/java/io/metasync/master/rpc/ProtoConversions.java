package io.metasync.master.rpc;

import io.metasync.common.CreateOptions;
import io.metasync.common.FileType;
import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.activesync.SyncPointStatus;
import io.metasync.master.file.DeleteStats;
import io.metasync.master.file.PathStatus;
import io.metasync.master.file.RenameOutcome;
import io.metasync.master.inode.Inode;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.pathconf.PathConfiguration;
import io.metasync.master.pathconf.ReadOptionsResolver;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.CallContext;
import io.metasync.proto.DeletePhase;
import io.metasync.proto.DeleteProgress;
import io.metasync.proto.FileInfo;
import io.metasync.proto.MountInfo;
import io.metasync.proto.SyncPointInfo;
import java.util.Optional;

/** Between protobuf messages and the master's values. */
final class ProtoConversions {
  private final ReadOptionsResolver resolver;

  ProtoConversions(ReadOptions defaults, PathConfiguration pathConf) {
    this.resolver = new ReadOptionsResolver(defaults, pathConf.records());
  }

  /** The read options of a call on {@code path}: its own, else the path's, else the master's. */
  ReadOptions readOptions(NamespacePath path, CallContext context) {
    return effective(path, context).options();
  }

  /** As {@link #readOptions}, saying where each setting came from. */
  ReadOptionsResolver.Effective effective(NamespacePath path, CallContext context) {
    Optional<SyncInterval> interval =
        context.hasSyncIntervalMs()
            ? Optional.of(new SyncInterval(checkInterval(context.getSyncIntervalMs())))
            : Optional.empty();
    Optional<LoadType> loadType =
        switch (context.getLoadType()) {
          case NEVER -> Optional.of(LoadType.NEVER);
          case ONCE -> Optional.of(LoadType.ONCE);
          case ALWAYS -> Optional.of(LoadType.ALWAYS);
          case LOAD_TYPE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    return resolver.resolve(path, interval, loadType);
  }

  private static long checkInterval(long millis) {
    if (millis < -1) {
      throw io.metasync.common.MetasyncException.invalidArgument(
          "bad sync interval " + millis + " ms: use -1, 0 or a positive duration");
    }
    return millis;
  }

  /** Unset fields (an older client's header) keep the command line's behaviour. */
  static CreateOptions createOptions(io.metasync.proto.CreateOptions options) {
    CreateOptions.ExistingEntry existing =
        switch (options.getExisting()) {
          case EXISTING_ENTRY_REPLACE_FILE -> CreateOptions.ExistingEntry.REPLACE_FILE;
          case EXISTING_ENTRY_UNSPECIFIED, UNRECOGNIZED -> CreateOptions.ExistingEntry.REFUSE;
        };
    CreateOptions.MissingParents parents =
        switch (options.getMissingParents()) {
          case MISSING_PARENTS_CREATE -> CreateOptions.MissingParents.CREATE;
          case MISSING_PARENTS_UNSPECIFIED, UNRECOGNIZED -> CreateOptions.MissingParents.REFUSE;
        };
    return new CreateOptions(existing, parents);
  }

  static io.metasync.proto.RenameOutcome renameOutcome(RenameOutcome outcome) {
    io.metasync.proto.RenameOutcome.Builder answer =
        io.metasync.proto.RenameOutcome.newBuilder()
            .setRenamed(outcome.renamed().isPresent())
            .setRefusal(outcome.refusal());
    outcome.renamed().ifPresent(status -> answer.setStatus(fileInfo(status)));
    return answer.build();
  }

  static NamespacePath path(String text) {
    return NamespacePath.parse(text);
  }

  static FileInfo fileInfo(PathStatus status) {
    Inode inode = status.inode();
    return FileInfo.newBuilder()
        .setPath(status.path().toString())
        .setType(fileType(inode.type()))
        .setLength(inode.length())
        .setLastModifiedMs(inode.lastModifiedMs())
        .setOwner(inode.owner())
        .setGroup(inode.group())
        .setMode(inode.mode())
        .setUfsUri(status.ufsUri().toString())
        .setLastSyncedMs(status.lastSyncedMs())
        .setMountPoint(status.mountPoint())
        .build();
  }

  private static io.metasync.proto.FileType fileType(FileType type) {
    return switch (type) {
      case FILE -> io.metasync.proto.FileType.FILE;
      case DIRECTORY -> io.metasync.proto.FileType.DIRECTORY;
    };
  }

  static SyncPointInfo syncPointInfo(SyncPointStatus point) {
    SyncPointInfo.Builder info =
        SyncPointInfo.newBuilder()
            .setPath(point.path().toString())
            .setState(point.state().name())
            .setLastSyncMs(point.lastSyncMs())
            .setPendingChanges(point.pendingChanges())
            .setActivity(point.activity())
            .setAge(point.age())
            .setListedEntries(point.listedEntries());
    if (point.trouble() != null) {
      info.setFailure(point.trouble().cause())
          .setFailingSinceMs(point.trouble().sinceMs())
          .setFailures(point.trouble().failures());
    }
    return info.build();
  }

  static MountInfo mountInfo(MountPoint mount) {
    return MountInfo.newBuilder()
        .setPath(mount.path().toString())
        .setUfsUri(mount.ufsUri().toString())
        .setReadOnly(mount.options().readOnly())
        .setShared(mount.options().shared())
        .putAllOptions(mount.options().displayedProperties())
        .build();
  }

  /** What {@code stats} say at {@code nowMs} of a delete that started at {@code startMs}. */
  static DeleteProgress deleteProgress(DeleteStats stats, long startMs, long nowMs, boolean done) {
    DeleteStats.PhaseStart phase = stats.phase();
    // before the delete reached the UFS (checks, a lookup), its first phase counts from the start
    long phaseStartMs = phase.startMs() < 0 ? startMs : phase.startMs();
    return DeleteProgress.newBuilder()
        .setPhase(
            switch (phase.phase()) {
              case UFS -> DeletePhase.DELETE_PHASE_UFS;
              case CACHE -> DeletePhase.DELETE_PHASE_CACHE;
            })
        .setUfsEntries(stats.ufsEntries())
        .setCacheEntries(stats.cacheEntries())
        .setElapsedMs(nowMs - startMs)
        .setPhaseElapsedMs(Math.max(0, nowMs - phaseStartMs))
        .setDone(done)
        .build();
  }
}
