package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.ReadOptions;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncStats;

/**
 * {@code loadMetadata}: with interval -1, loads what was never loaded (folders whose children were
 * never listed); with any other interval, syncs the path (and with {@code recursive} its subtree)
 * unless it was synced within that interval, and then too loads what was never loaded. A recursive
 * load lists the never-loaded folders in parallel, as a subtree sync does.
 */
public final class LoadOperations {
  private final OnDemandSync onDemandSync;
  private final ReadOperations reads;

  public LoadOperations(OnDemandSync onDemandSync, ReadOperations reads) {
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.reads = requireNonNull(reads, "reads is null");
  }

  /**
   * @param stats counts what was seen, for progress reports while this runs
   * @throws MetasyncException NOT_FOUND when the path does not exist; UNAVAILABLE when the UFS
   *     fails
   */
  public void loadMetadata(
      NamespacePath path, boolean recursive, ReadOptions options, SyncStats stats) {
    LoadType loadType = options.loadType() == LoadType.NEVER ? LoadType.ONCE : options.loadType();
    boolean synced =
        !options.interval().isNever()
            && onDemandSync.syncIfStale(
                path, recursive ? SyncDepth.SUBTREE : SyncDepth.CHILDREN, options, stats);
    Inode inode =
        onDemandSync
            .resolve(path, loadType)
            .orElseThrow(() -> reads.notFound(path, new ReadOptions(options.interval(), loadType)));
    if (!recursive) {
      onDemandSync.ensureChildrenLoaded(path, inode, loadType);
    } else if (!synced) {
      onDemandSync.loadSubtree(path, loadType, folder -> true, stats);
    }
  }
}
