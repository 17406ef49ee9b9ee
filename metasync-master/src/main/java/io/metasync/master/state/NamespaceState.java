package io.metasync.master.state;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.common.PropertyKey;
import io.metasync.master.activesync.ActiveSyncRecords;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.inode.RemovalWatchers;
import io.metasync.master.inode.SubtreeRemoval;
import io.metasync.master.inode.rocks.CheckpointReader;
import io.metasync.master.journal.JournaledState;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountRecords;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsOpener;
import io.metasync.master.pathconf.PathConfRecords;
import io.metasync.master.sync.SyncedFolders;
import io.metasync.proto.journal.FolderSyncTimes;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.InodeRecord;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.MountRecord;
import io.metasync.proto.journal.SnapshotHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The journaled state of a master: inodes (including which folders had their children loaded), the
 * mount table below {@code /} ({@code /} itself comes from configuration), active sync's records
 * and when folders were last synced ({@link SyncedFolders}). Applying an entry only changes this
 * state: no UFS call, no clock, so a replay rebuilds exactly what was acknowledged.
 *
 * <p>A snapshot is a {@link SnapshotHeader} followed by every inode as a length-delimited {@link
 * InodeRecord}, parents before children (format 1, the heap store's); or, when the store can write
 * a checkpoint of itself (RocksDB), the header alone, with the inodes in the checkpoint in the
 * snapshot's files folder (format 2), so that a snapshot of millions of inodes takes seconds.
 */
public final class NamespaceState implements JournaledState {
  /** The newest snapshot format this master reads. */
  public static final int FORMAT_VERSION = 2;

  private static final int RECORDS_FORMAT = 1;
  private static final int CHECKPOINT_FORMAT = 2;

  private static final int PAGE = 1000;

  private static final int DEFAULT_SYNCED_FOLDERS =
      Integer.parseInt(PropertyKey.MASTER_SYNC_PATH_CACHE_CAPACITY.defaultValue());

  private final InodeStore store;
  private final MountTable mounts;
  private final UfsOpener opener;
  private final ActiveSyncRecords activeSync = new ActiveSyncRecords();
  private final PathConfRecords pathConf = new PathConfRecords();
  private final SyncedFolders syncedFolders;
  private final RemovalWatchers removals = new RemovalWatchers();
  private final AppliedCalls appliedCalls = new AppliedCalls();
  private final MasterAddresses masterAddresses = new MasterAddresses();

  /** Keeps the sync times of at most {@link #DEFAULT_SYNCED_FOLDERS} folders. */
  public NamespaceState(InodeStore store, MountTable mounts, UfsOpener opener) {
    this(store, mounts, opener, DEFAULT_SYNCED_FOLDERS);
  }

  /**
   * @param syncedFoldersCapacity how many folders' sync times are kept (the oldest are forgotten)
   */
  public NamespaceState(
      InodeStore store, MountTable mounts, UfsOpener opener, int syncedFoldersCapacity) {
    this.store = requireNonNull(store, "store is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.opener = requireNonNull(opener, "opener is null");
    this.syncedFolders = new SyncedFolders(syncedFoldersCapacity);
  }

  @Override
  public void apply(JournalEntry entry) {
    switch (entry.getEntryCase()) {
      case INODES -> {
        // Runs of puts go to the store together: one RocksDB write batch for a sync's batch.
        List<Inode> puts = new ArrayList<>();
        for (InodeChange change : entry.getInodes().getChangesList()) {
          switch (change.getChangeCase()) {
            case PUT -> puts.add(InodeRecords.toInode(change.getPut()));
            case REMOVE_SUBTREE -> {
              putAll(puts);
              long top = change.getRemoveSubtree();
              SubtreeRemoval.remove(store, top, removals.watcherOf(top));
            }
            case DETACH_SUBTREE -> {
              putAll(puts);
              store.get(change.getDetachSubtree()).ifPresent(this::detach);
            }
            case REMOVE_INODES -> {
              putAll(puts);
              store.removeAll(change.getRemoveInodes().getIdsList());
            }
            case FOLDER_SYNCED -> {
              putAll(puts);
              recordSynced(change.getFolderSynced());
            }
            case FORGET_SYNC_TIMES -> {
              putAll(puts);
              syncedFolders.forgetSubtree(NamespacePath.parse(change.getForgetSyncTimes()));
            }
            case CHANGE_NOT_SET ->
                throw new IllegalStateException("journal entry with an empty inode change");
          }
        }
        putAll(puts);
        if (entry.getInodes().hasCall()) {
          appliedCalls.record(entry.getInodes().getCall());
        }
      }
      case ADD_MOUNT -> {
        mounts.register(MountRecords.toMountPoint(entry.getAddMount().getMount(), opener));
        syncedFolders.forgetSubtree(NamespacePath.parse(entry.getAddMount().getMount().getPath()));
        store.put(InodeRecords.toInode(entry.getAddMount().getMountInode()));
      }
      case REMOVE_MOUNT -> {
        NamespacePath path = NamespacePath.parse(entry.getRemoveMount().getPath());
        // the trash purger removes the mount's inodes, however many: unmounting holds up nothing
        lookup(path).ifPresent(this::detach);
        mounts.unregister(path);
        activeSync.forgetMount(path);
        syncedFolders.forgetSubtree(path);
      }
      case ADD_SYNC_POINT, REMOVE_SYNC_POINT -> activeSync.apply(entry);
      case FEED_CURSOR -> {
        // Proposed by active sync without the mount's lock: it may reach the log after the
        // mount's removal, and must not leave a cursor that a later mount at that path would use.
        if (mounts.get(NamespacePath.parse(entry.getFeedCursor().getMountPath())).isPresent()) {
          activeSync.apply(entry);
        }
      }
      case MASTER_ANNOUNCED -> masterAddresses.apply(entry.getMasterAnnounced());
      // Kept across mounts and unmounts: it belongs to the namespace path, not to a UFS.
      case SET_PATH_CONF, UNSET_PATH_CONF -> pathConf.apply(entry);
      case ENTRY_NOT_SET -> throw new IllegalStateException("empty journal entry");
    }
  }

  /**
   * Keeps a folder's sync time only if its path still leads to its inode: a time proposed without
   * waiting may reach the log after the folder was deleted, moved or replaced.
   */
  private void recordSynced(FolderSyncTimes record) {
    NamespacePath path = NamespacePath.parse(record.getPath());
    if (lookup(path).filter(inode -> inode.id() == record.getInodeId()).isPresent()) {
      syncedFolders.record(record);
    }
  }

  private void putAll(List<Inode> puts) {
    store.putAll(puts);
    puts.clear();
  }

  /** Moves {@code top}, and with it its subtree, out of the namespace into the trash. */
  private void detach(Inode top) {
    store.put(top.withLocation(Inode.TRASH_ID, Long.toString(top.id())));
  }

  /** Who counts the inodes that applying a subtree removal removes (not journaled). */
  public RemovalWatchers removals() {
    return removals;
  }

  /** When folders were last synced, as journaled. */
  public SyncedFolders syncedFolders() {
    return syncedFolders;
  }

  /** Sync points, their last sync times and feed cursors, as journaled. */
  /** The client calls applied recently, for answering retries after a fail-over. */
  public AppliedCalls appliedCalls() {
    return appliedCalls;
  }

  /** Where each master that led serves clients. */
  public MasterAddresses masterAddresses() {
    return masterAddresses;
  }

  public ActiveSyncRecords activeSync() {
    return activeSync;
  }

  /** The path configuration (fs pathConf), as journaled. */
  public PathConfRecords pathConf() {
    return pathConf;
  }

  private Optional<Inode> lookup(NamespacePath path) {
    Optional<Inode> current = store.get(Inode.ROOT_ID);
    for (String name : path.components()) {
      if (current.isEmpty()) {
        return current;
      }
      current = store.getChild(current.get().id(), name);
    }
    return current;
  }

  /** Writes a snapshot with every inode in the file (format 1). */
  @Override
  public void writeSnapshot(OutputStream out) throws IOException {
    writeHeader(out, false);
    writeInodes(out);
  }

  /** Writes a snapshot with the inodes in a checkpoint in {@code files} if the store can. */
  @Override
  public void writeSnapshot(OutputStream out, Path files) throws IOException {
    boolean checkpointed = store.writeCheckpoint(files);
    writeHeader(out, checkpointed);
    if (!checkpointed) {
      writeInodes(out);
    }
  }

  private void writeHeader(OutputStream out, boolean inodesInCheckpoint) throws IOException {
    SnapshotHeader.Builder header =
        SnapshotHeader.newBuilder()
            .setFormatVersion(inodesInCheckpoint ? CHECKPOINT_FORMAT : RECORDS_FORMAT)
            .setInodeCount(store.size())
            .setInodesInCheckpoint(inodesInCheckpoint);
    for (MountPoint mount : mounts.list()) {
      if (!mount.path().isRoot()) {
        header.addMounts(MountRecords.toRecord(mount.path(), mount.ufsUri(), mount.options()));
      }
    }
    activeSync.writeTo(header);
    syncedFolders.writeTo(header);
    masterAddresses.writeTo(header);
    appliedCalls.writeTo(header);
    pathConf.writeTo(header);
    header.build().writeDelimitedTo(out);
  }

  private void writeInodes(OutputStream out) throws IOException {
    Deque<Inode> pending = new ArrayDeque<>();
    store.get(Inode.ROOT_ID).ifPresent(pending::push);
    while (!pending.isEmpty()) {
      Inode inode = pending.pop();
      InodeRecords.toRecord(inode).writeDelimitedTo(out);
      if (inode.isDirectory()) {
        String after = "";
        List<Inode> page;
        do {
          page = store.listChildren(inode.id(), after, PAGE);
          for (Inode child : page) {
            if (child.isDirectory()) {
              pending.push(child);
            } else {
              InodeRecords.toRecord(child).writeDelimitedTo(out);
            }
            after = child.name();
          }
        } while (page.size() == PAGE);
      }
    }
  }

  @Override
  public void loadSnapshot(InputStream in) throws IOException {
    loadSnapshot(in, null);
  }

  @Override
  public void loadSnapshot(InputStream in, Path files) throws IOException {
    SnapshotHeader header = SnapshotHeader.parseDelimitedFrom(in);
    if (header == null) {
      throw new IOException("the snapshot is empty");
    }
    if (header.getFormatVersion() > FORMAT_VERSION) {
      throw new IOException(
          "the snapshot has format "
              + header.getFormatVersion()
              + ", newer than this metasync's "
              + FORMAT_VERSION);
    }
    if (header.getInodesInCheckpoint()) {
      if (files == null) {
        throw new IOException(
            "the snapshot's inodes are in a checkpoint folder, and none was given");
      }
      CheckpointReader.loadInto(store, files);
      if (store.size() != header.getInodeCount()) {
        throw new IOException(
            "the inode checkpoint "
                + files
                + " holds "
                + store.size()
                + " inodes, not the snapshot's "
                + header.getInodeCount());
      }
    } else {
      store.clear();
    }
    for (MountPoint mount : mounts.list()) {
      if (!mount.path().isRoot()) {
        mounts.unregister(mount.path());
      }
    }
    for (MountRecord mount : header.getMountsList()) {
      mounts.register(MountRecords.toMountPoint(mount, opener));
    }
    activeSync.loadFrom(header);
    syncedFolders.loadFrom(header);
    masterAddresses.loadFrom(header);
    appliedCalls.loadFrom(header);
    pathConf.loadFrom(header);
    if (!header.getInodesInCheckpoint()) {
      loadInodes(in, header.getInodeCount());
    }
  }

  private void loadInodes(InputStream in, long count) throws IOException {
    long loaded = 0;
    InodeRecord record;
    while ((record = InodeRecord.parseDelimitedFrom(in)) != null) {
      store.put(InodeRecords.toInode(record));
      loaded++;
    }
    if (loaded != count) {
      throw new IOException(
          "the snapshot is truncated: it holds " + loaded + " of its " + count + " inodes");
    }
  }
}
