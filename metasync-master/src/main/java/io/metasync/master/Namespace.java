package io.metasync.master;

import io.metasync.common.CauseChain;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.PropertyKey;
import io.metasync.master.activesync.ActiveSyncJournal;
import io.metasync.master.activesync.ActiveSyncManager;
import io.metasync.master.activesync.ActiveSyncOptions;
import io.metasync.master.activesync.ActiveSyncRuntime;
import io.metasync.master.file.ConsistencyChecker;
import io.metasync.master.file.LoadOperations;
import io.metasync.master.file.MountOperations;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.inode.TrashPurger;
import io.metasync.master.inode.rocks.RocksInodeStore;
import io.metasync.master.journal.Journal;
import io.metasync.master.journal.JournalRole;
import io.metasync.master.journal.JournaledState;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.LocalMountRoots;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsOpener;
import io.metasync.master.pathconf.PathConfiguration;
import io.metasync.master.rpc.MasterOperations;
import io.metasync.master.security.PathAuthorizer;
import io.metasync.master.security.PermissionChecker;
import io.metasync.master.state.AppliedCalls;
import io.metasync.master.state.MasterAddresses;
import io.metasync.master.state.NamespaceState;
import io.metasync.master.sync.AbsentPathCache;
import io.metasync.master.sync.GroupCommit;
import io.metasync.master.sync.MergeJournal;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.PathFreshness;
import io.metasync.master.sync.PathSyncer;
import io.metasync.master.sync.SyncCoordinator;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncPathCache;
import io.metasync.master.sync.SyncedFolders;
import io.metasync.master.watch.ChangeHub;
import io.metasync.master.watch.WatchedState;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.MasterAnnounced;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The namespace and its operations, wired together: inodes, mount table, locks, sync caches, the
 * syncer and the read, write, mount and load operations on top. No network here; {@link
 * MasterProcess} puts the RPC server in front.
 */
public final class Namespace implements AutoCloseable {
  private static final int PAGE_SIZE = 1000;
  private static final String METASTORE_FOLDER = "metastore";

  private final InodeStore store;
  private final InodeTree tree;
  private final TrashPurger trashPurger;
  private final Journal journal;
  private final MountTable mountTable;
  private final ReadOperations reads;
  private final WriteOperations writes;
  private final MountOperations mounts;
  private final LoadOperations loads;
  private final ConsistencyChecker consistency;
  private final ActiveSyncManager activeSync;
  private final ExecutorService activeSyncRuns;
  private final PathAuthorizer authorizer;
  private final SyncCoordinator coordinator;
  private final UnderFileSystem rootUfs;
  private final NamespaceState state;
  private final SyncPathCache syncPathCache;
  private final AbsentPathCache absentPathCache;
  private final PathConfiguration pathConf;
  private final ChangeHub changes;
  private final ExecutorService watchDelivery;

  /** Threads that send changes to watchers; a send never waits (flow control only pauses it). */
  private static final int WATCH_DELIVERY_THREADS = 2;

  /**
   * Journal batches one folder merge proposes before it waits for the oldest: enough for the log to
   * flush one while the merge fills the next; more only adds memory.
   */
  private static final int SYNC_BATCHES_IN_FLIGHT = 4;

  /** Journal entries that folder merges' batches are written in at once (see GroupCommit). */
  private static final int SYNC_COMMITTERS = 4;

  /** Journals folder merges' batches, several merges' batches per entry. */
  private final GroupCommit groupCommit;

  /** Journals folder merges and their sync times. */
  private final MergeJournal mergeJournal;

  /**
   * Sync points that sync at once. Each of their threads only waits while a whole-subtree sync
   * lists its folders on the sync executor, so this bounds parallel sync points, not UFS load.
   */
  private static final int ACTIVE_SYNC_RUNS = 4;

  /** How long a clean stop waits for sync times proposed without waiting. */
  private static final Duration SYNC_TIMES_STOP_LIMIT = Duration.ofSeconds(5);

  /**
   * @param rootUfs the UFS mounted at {@code /}; the namespace closes it
   * @param opener opens the UFS of each new mount
   * @param journalFactory opens the journal over the namespace's state, replaying it
   */
  public Namespace(
      MetasyncConfiguration conf,
      UnderFileSystem rootUfs,
      UfsOpener opener,
      Function<JournaledState, Journal> journalFactory,
      NamespaceThreads threads) {
    Clock clock = threads.clock();
    store = openInodeStore(conf);
    mountTable =
        new MountTable(
            new MountPoint(NamespacePath.ROOT, rootUfs.rootUri(), MountOptions.DEFAULT, rootUfs));
    int syncPathCacheCapacity = conf.getInt(PropertyKey.MASTER_SYNC_PATH_CACHE_CAPACITY);
    this.rootUfs = rootUfs;
    state = new NamespaceState(store, mountTable, opener, syncPathCacheCapacity);
    watchDelivery =
        Executors.newFixedThreadPool(
            WATCH_DELIVERY_THREADS,
            runnable -> {
              Thread thread = new Thread(runnable, "metasync-watch");
              thread.setDaemon(true);
              return thread;
            });
    changes =
        new ChangeHub(
            conf.getInt(PropertyKey.MASTER_WATCH_RETAINED_CHANGES),
            conf.getInt(PropertyKey.MASTER_WATCH_SUBSCRIBER_QUEUE_CHANGES),
            watchDelivery);
    try {
      journal = journalFactory.apply(new WatchedState(state, store, changes));
    } catch (RuntimeException e) {
      watchDelivery.shutdownNow();
      store.close();
      throw e;
    }
    pathConf = new PathConfiguration(journal, state.pathConf());
    trashPurger = new TrashPurger(store, journal, state.removals());
    tree = new InodeTree(store, journal, state.removals(), trashPurger);
    groupCommit =
        new GroupCommit(
            tree,
            Executors.newFixedThreadPool(
                SYNC_COMMITTERS,
                runnable -> {
                  Thread thread = new Thread(runnable, "metasync-sync-commit");
                  thread.setDaemon(true);
                  return thread;
                }),
            SYNC_COMMITTERS,
            conf.getInt(PropertyKey.MASTER_SYNC_BATCH_SIZE));
    mergeJournal =
        new MergeJournal(
            groupCommit,
            state.syncedFolders(),
            conf.getInt(PropertyKey.MASTER_SYNC_BATCH_SIZE),
            SYNC_BATCHES_IN_FLIGHT);
    PathLockManager locks = new PathLockManager();
    syncPathCache = new SyncPathCache(syncPathCacheCapacity);
    absentPathCache =
        new AbsentPathCache(conf.getInt(PropertyKey.MASTER_ABSENT_PATH_CACHE_CAPACITY));
    PathFreshness freshness = new PathFreshness(syncPathCache, absentPathCache);
    PathSyncer syncer = new PathSyncer(tree, mountTable, locks, freshness, clock, mergeJournal);
    coordinator = new SyncCoordinator(syncer, mountTable, threads.syncExecutor(), clock);
    OnDemandSync onDemandSync = new OnDemandSync(tree, coordinator, freshness, clock);
    reads = new ReadOperations(tree, mountTable, locks, onDemandSync, coordinator, PAGE_SIZE);
    writes =
        new WriteOperations(tree, mountTable, locks, onDemandSync, coordinator, freshness, clock);
    mounts =
        new MountOperations(
            tree,
            mountTable,
            locks,
            onDemandSync,
            freshness,
            opener,
            LocalMountRoots.from(conf),
            journal);
    loads = new LoadOperations(onDemandSync, reads);
    authorizer =
        new PathAuthorizer(
            tree,
            new FolderPages(tree, locks, PAGE_SIZE),
            onDemandSync,
            new PermissionChecker(
                conf.getBoolean(PropertyKey.SECURITY_AUTHORIZATION_PERMISSION_ENABLED)));
    consistency = new ConsistencyChecker(tree, mountTable, locks, PAGE_SIZE);
    // Not the sync executor: a whole-subtree sync waits for its folder listings, which run there.
    activeSyncRuns =
        Executors.newFixedThreadPool(
            ACTIVE_SYNC_RUNS,
            runnable -> {
              Thread thread = new Thread(runnable, "metasync-activesync-sync");
              thread.setDaemon(true);
              return thread;
            });
    activeSync =
        new ActiveSyncManager(
            new ActiveSyncJournal(journal, state.activeSync()),
            mountTable,
            onDemandSync,
            coordinator,
            new ActiveSyncRuntime(threads.activeSyncThread(), activeSyncRuns, clock),
            ActiveSyncOptions.from(conf));
    mounts.addUnmountListener(activeSync::mountRemoved);
    trashPurger.start();
  }

  /**
   * This master now leads, and its state includes every committed entry: creates the root on a new
   * journal, takes the sync times from the journal (a standby kept none of its own, and what a
   * former term left may be older than the log), purges the trash and resumes active sync. Called
   * before it serves; a master alone in its group is called once, at start.
   */
  public void takeOver() {
    tree.initializeRoot(rootStatus(rootUfs));
    syncPathCache.forgetSubtree(NamespacePath.ROOT);
    absentPathCache.forgetSubtree(NamespacePath.ROOT);
    restoreSyncTimes(state.syncedFolders(), syncPathCache);
    trashPurger.wake();
    activeSync.start();
  }

  /**
   * Journals where clients reach this master, the new leader: every standby then names it in its
   * refusals.
   */
  public void announce(String rpcAddress, String webAddress) {
    journal.write(
        JournalEntry.newBuilder()
            .setMasterAnnounced(
                MasterAnnounced.newBuilder()
                    .setPeerId(journal.role().self())
                    .setRpcAddress(rpcAddress)
                    .setWebAddress(webAddress))
            .build());
  }

  /** Where this master stands in its journal group. */
  public JournalRole journalRole() {
    return journal.role();
  }

  /** See {@link Journal#awaitCommitted}. */
  public void awaitCommitted() {
    journal.awaitCommitted();
  }

  /** Where each master that led serves clients. */
  public MasterAddresses masterAddresses() {
    return state.masterAddresses();
  }

  /** The client calls applied recently, to answer their retries. */
  public AppliedCalls appliedCalls() {
    return state.appliedCalls();
  }

  /**
   * This master no longer leads: active sync stops (the new leader resumes it), and watchers are
   * sent to the new leader.
   */
  public void stepDown() {
    activeSync.stop();
    changes.dropAll(
        new MetasyncException(
            ErrorCode.UNAVAILABLE,
            "this master stopped leading; watch again (on the new leader) from the last index"
                + " received"));
  }

  /** The namespace's changes as they are applied, for watchers (fs watch). */
  public ChangeHub changes() {
    return changes;
  }

  /**
   * Fills the sync-path cache with the folders' sync times that the journal kept, so that a
   * restarted master neither syncs again what it synced just before nor shows them as unknown.
   */
  private static void restoreSyncTimes(SyncedFolders journaled, SyncPathCache syncPathCache) {
    journaled.forEach(
        (path, times) -> {
          syncPathCache.recordSynced(path, SyncDepth.CHILDREN, times.childrenMs());
          if (times.subtreeMs() > 0) {
            syncPathCache.recordSynced(path, SyncDepth.SUBTREE, times.subtreeMs());
          }
        });
  }

  /**
   * The inode store that {@code metasync.master.metastore} names. A RocksDB store starts empty (its
   * folder is wiped): the journal refills it from its latest snapshot and the entries after.
   */
  static InodeStore openInodeStore(MetasyncConfiguration conf) {
    return switch (conf.getMetastoreType(PropertyKey.MASTER_METASTORE)) {
      case HEAP -> new HeapInodeStore();
      case ROCKS ->
          RocksInodeStore.open(
              metastoreFolder(conf), conf.getInt(PropertyKey.MASTER_METASTORE_INODE_CACHE_SIZE));
    };
  }

  /** {@code metasync.master.metastore.dir}, by default {@code metastore} in the journal folder. */
  static Path metastoreFolder(MetasyncConfiguration conf) {
    return conf.get(PropertyKey.MASTER_METASTORE_DIR).isEmpty()
        ? conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER).resolve(METASTORE_FOLDER)
        : conf.getPath(PropertyKey.MASTER_METASTORE_DIR);
  }

  private static UfsStatus rootStatus(UnderFileSystem rootUfs) {
    try {
      UfsStatus status =
          rootUfs
              .getStatus("/")
              .orElseThrow(
                  () ->
                      new MetasyncException(
                          ErrorCode.NOT_FOUND,
                          "the root UFS " + rootUfs.rootUri() + " does not exist"));
      if (!status.isDirectory()) {
        throw MetasyncException.invalidArgument(
            "the root UFS " + rootUfs.rootUri() + " is a file, not a folder");
      }
      return status;
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "cannot read the root UFS " + rootUfs.rootUri() + ": " + CauseChain.describe(e),
          e);
    }
  }

  /**
   * Opens the root UFS named by {@code metasync.master.mount.table.root.ufs}: a URI, or a local
   * folder.
   */
  public static UnderFileSystem openRootUfs(MetasyncConfiguration conf, UfsOpener opener) {
    String value = conf.get(PropertyKey.MASTER_MOUNT_TABLE_ROOT_UFS);
    URI uri;
    if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      uri = URI.create(value);
    } else {
      java.nio.file.Path folder = conf.getPath(PropertyKey.MASTER_MOUNT_TABLE_ROOT_UFS);
      try {
        java.nio.file.Files.createDirectories(folder);
      } catch (IOException e) {
        throw MetasyncException.invalidArgument(
            "cannot create the root UFS folder "
                + folder
                + " (metasync.master.mount.table.root.ufs): "
                + CauseChain.describe(e));
      }
      // Path.toUri() ends an existing folder's URI with '/'; mounts are shown without it.
      uri = URI.create(folder.toUri().toString().replaceAll("(?<!/)/$", ""));
    }
    try {
      return opener.open(uri, Map.of());
    } catch (IOException e) {
      throw MetasyncException.invalidArgument(
          "cannot open the root UFS "
              + uri
              + " (metasync.master.mount.table.root.ufs): "
              + CauseChain.describe(e));
    }
  }

  /** The operations the RPC service calls, with their authorizer. */
  public MasterOperations operations() {
    return new MasterOperations(
        reads, writes, mounts, loads, consistency, activeSync, authorizer, pathConf);
  }

  /** Client-side settings per path (fs pathConf). */
  public PathConfiguration pathConf() {
    return pathConf;
  }

  public ReadOperations reads() {
    return reads;
  }

  public WriteOperations writes() {
    return writes;
  }

  public MountOperations mounts() {
    return mounts;
  }

  public LoadOperations loads() {
    return loads;
  }

  public ConsistencyChecker consistency() {
    return consistency;
  }

  public ActiveSyncManager activeSync() {
    return activeSync;
  }

  public MountTable mountTable() {
    return mountTable;
  }

  /** Runs syncs; its counts are metrics. */
  public SyncCoordinator syncs() {
    return coordinator;
  }

  /** How often the inode store's cache answered reads, when it has one. */
  public java.util.Optional<io.metasync.master.inode.InodeCacheCounts> inodeCacheCounts() {
    return store.cacheCounts();
  }

  /** The number of cached inodes. */
  public long inodeCount() {
    return tree.size();
  }

  @Override
  public void close() {
    activeSync.close();
    activeSyncRuns.shutdownNow();
    try {
      mergeJournal.awaitUnawaited(SYNC_TIMES_STOP_LIMIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    groupCommit.close();
    trashPurger.close();
    // The journal may take a snapshot of the store as it stops: close the store after it.
    journal.close();
    changes.stopping();
    watchDelivery.shutdown();
    store.close();
    for (MountPoint mount : mountTable.list()) {
      try {
        mount.ufs().close();
      } catch (IOException | RuntimeException e) {
        // Closing on the way out: nothing left to protect.
      }
    }
  }
}
