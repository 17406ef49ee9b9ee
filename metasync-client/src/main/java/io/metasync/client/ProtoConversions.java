package io.metasync.client;

import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.FileType;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import io.metasync.proto.CallContext;
import io.metasync.proto.FileInfo;
import java.util.Optional;

/** Conversions between the client's values and the RPC messages, in both directions. */
final class ProtoConversions {
  private ProtoConversions() {}

  static CallContext callContext(String user, CallOptions options) {
    // What the caller did not set is left to the path's configuration, else the master's default.
    CallContext.Builder context = CallContext.newBuilder().setUser(user);
    if (options.sets(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL)) {
      context.setSyncIntervalMs(options.syncInterval().millis());
    }
    if (options.sets(PropertyKey.USER_FILE_METADATA_LOAD_TYPE)) {
      context.setLoadType(loadType(options.loadType()));
    }
    return context.build();
  }

  static io.metasync.proto.CreateOptions createOptions(CreateOptions options) {
    return io.metasync.proto.CreateOptions.newBuilder()
        .setExisting(
            switch (options.existing()) {
              case REFUSE -> io.metasync.proto.ExistingEntry.EXISTING_ENTRY_UNSPECIFIED;
              case REPLACE_FILE -> io.metasync.proto.ExistingEntry.EXISTING_ENTRY_REPLACE_FILE;
            })
        .setMissingParents(
            switch (options.missingParents()) {
              case REFUSE -> io.metasync.proto.MissingParents.MISSING_PARENTS_UNSPECIFIED;
              case CREATE -> io.metasync.proto.MissingParents.MISSING_PARENTS_CREATE;
            })
        .build();
  }

  static RenameOutcome renameOutcome(io.metasync.proto.RenameOutcome outcome) {
    return new RenameOutcome(
        outcome.getRenamed() ? Optional.of(fileStatus(outcome.getStatus())) : Optional.empty(),
        outcome.getRefusal());
  }

  static io.metasync.proto.LoadType loadType(LoadType loadType) {
    return switch (loadType) {
      case NEVER -> io.metasync.proto.LoadType.NEVER;
      case ONCE -> io.metasync.proto.LoadType.ONCE;
      case ALWAYS -> io.metasync.proto.LoadType.ALWAYS;
    };
  }

  static FileStatus fileStatus(FileInfo info) {
    return new FileStatus(
        info.getPath(),
        fileType(info),
        info.getLength(),
        info.getLastModifiedMs(),
        info.getOwner(),
        info.getGroup(),
        info.getMode(),
        info.getUfsUri(),
        info.getLastSyncedMs(),
        info.getMountPoint());
  }

  private static FileType fileType(FileInfo info) {
    return switch (info.getType()) {
      case FILE -> FileType.FILE;
      case DIRECTORY -> FileType.DIRECTORY;
      case FILE_TYPE_UNSPECIFIED, UNRECOGNIZED ->
          throw new MetasyncException(
              ErrorCode.INTERNAL,
              "the master sent "
                  + info.getPath()
                  + " without a known type ("
                  + info.getType()
                  + ")");
    };
  }

  static SyncPointInfo syncPointInfo(io.metasync.proto.SyncPointInfo info) {
    return new SyncPointInfo(
        info.getPath(),
        info.getState(),
        info.getLastSyncMs(),
        info.getPendingChanges(),
        info.getActivity(),
        info.getAge(),
        info.getListedEntries(),
        info.getFailure(),
        info.getFailingSinceMs(),
        info.getFailures());
  }

  static MountInfo mountInfo(io.metasync.proto.MountInfo info) {
    return new MountInfo(
        info.getPath(),
        info.getUfsUri(),
        info.getReadOnly(),
        info.getShared(),
        info.getOptionsMap());
  }

  static Progress progress(io.metasync.proto.Progress progress) {
    return new Progress(
        progress.getDirectories(),
        progress.getFiles(),
        progress.getElapsedMs(),
        progress.getDone());
  }

  static DeleteProgress deleteProgress(io.metasync.proto.DeleteProgress progress) {
    DeleteProgress.Phase phase =
        switch (progress.getPhase()) {
          case DELETE_PHASE_UFS -> DeleteProgress.Phase.UFS;
          case DELETE_PHASE_CACHE -> DeleteProgress.Phase.CACHE;
          case DELETE_PHASE_UNSPECIFIED, UNRECOGNIZED ->
              throw new MetasyncException(
                  ErrorCode.INTERNAL,
                  "the master sent the progress of a delete in an unknown phase ("
                      + progress.getPhase()
                      + ")");
        };
    return new DeleteProgress(
        phase,
        progress.getUfsEntries(),
        progress.getCacheEntries(),
        progress.getElapsedMs(),
        progress.getPhaseElapsedMs(),
        progress.getDone());
  }

  static Inconsistency inconsistency(io.metasync.proto.Inconsistency inconsistency) {
    return new Inconsistency(inconsistency.getPath(), inconsistency.getDescription());
  }
}
