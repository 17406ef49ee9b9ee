package io.metasync.master.inode.rocks;

import static io.metasync.common.Preconditions.checkArgument;
import static io.metasync.common.Preconditions.checkState;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.FolderLock;
import io.metasync.common.MetasyncException;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeCacheCounts;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.inode.rocks.InodeCache.ChildName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Checkpoint;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * Inodes in RocksDB, off the Java heap, with a bounded cache of hot inodes in front.
 *
 * <p>Each inode is stored once, as its journal record ({@link InodeValues}), under its child key
 * (parent id + name, see {@link InodeKeys}) in the {@code children} column family; the {@code
 * inodes} column family maps an id to that key. So a path component ({@link #getChild}) is one
 * point read, a listing page is one range scan that reads the inodes themselves (no second read per
 * child), and a paged listing resumes with one seek to the name it stopped at. A read by id, rarer
 * (the root, a removal), costs two point reads; keeping the whole record under the id as well would
 * double the bytes written and stored for every inode instead.
 *
 * <p>This store is not the durable copy: the journal is. So the RocksDB write-ahead log is off
 * (every write would otherwise be logged twice), the folder is wiped when the store opens, and the
 * journal rebuilds it from its latest snapshot (a RocksDB checkpoint, see {@link #writeCheckpoint})
 * plus the entries after it.
 *
 * <p>Writes are serialized (the journal applies one entry at a time) and each is one atomic {@link
 * WriteBatch}: a reader sees a put or a batch of puts whole or not at all. Reads take no write
 * lock; a read by id that meets a move under way reads again.
 */
public final class RocksInodeStore implements InodeStore {
  private static final byte[] COUNT_KEY = "inode.count".getBytes(UTF_8);
  private static final int MAX_READ_ROUNDS = 1000;

  /** The RocksDB folder inside the store folder, beside the lock file. */
  static final String DATABASE_FOLDER = "rocksdb";

  private final Path folder;
  private final FolderLock folderLock;
  private final InodeCache cache;

  /** Read-held by every use of {@link #database}; write-held to replace or close it. */
  private final ReentrantReadWriteLock handleLock = new ReentrantReadWriteLock();

  private final Object writeLock = new Object();
  private final AtomicLong lastId = new AtomicLong(Inode.ROOT_ID);
  private final AtomicLong count = new AtomicLong();

  // The journal is the durable log and the store is rebuilt from it after a crash: no RocksDB WAL.
  private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
  private RocksDatabase database;

  /**
   * No inode above this id is in the store (the largest it held when opened or was given since), so
   * a put of a higher id is of a new inode. Changed with a write lock held.
   */
  private long storedMaxId;

  private boolean closed;

  private RocksInodeStore(
      Path folder, FolderLock folderLock, int cacheSize, RocksDatabase database) {
    this.folder = folder;
    this.folderLock = folderLock;
    this.cache = new InodeCache(cacheSize);
    this.database = database;
  }

  /**
   * Opens an empty store in {@code storeFolder}: locks it against other masters, and deletes
   * whatever its RocksDB folder held.
   *
   * @param cacheSize how many inodes the on-heap cache holds (0: none)
   * @throws MetasyncException FAILED_PRECONDITION naming the folder when another master uses it, it
   *     cannot be created or RocksDB cannot open it
   */
  public static RocksInodeStore open(Path storeFolder, int cacheSize) {
    requireNonNull(storeFolder, "storeFolder is null");
    checkArgument(cacheSize >= 0, "cache size must not be negative: %s", cacheSize);
    FolderLock lock = StoreFolders.lock(storeFolder);
    Path folder = storeFolder.resolve(DATABASE_FOLDER);
    try {
      StoreFolders.recreate(folder);
      return new RocksInodeStore(folder, lock, cacheSize, RocksDatabase.open(folder, false));
    } catch (IOException | RocksDBException | RuntimeException e) {
      lock.close();
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot open the inode store in " + folder + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<InodeCacheCounts> cacheCounts() {
    return Optional.of(cache.counts());
  }

  @Override
  public Optional<Inode> get(long id) {
    Long key = id;
    Optional<Inode> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached;
    }
    long ticket = cache.fillTicket();
    Optional<Inode> found = read(db -> readById(db, id));
    found.ifPresent(inode -> cache.fill(ticket, key, inode));
    return found;
  }

  @Override
  public Optional<Inode> getChild(long parentId, String name) {
    requireNonNull(name, "name is null");
    ChildName key = new ChildName(parentId, name);
    Optional<Inode> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached;
    }
    long ticket = cache.fillTicket();
    Optional<Inode> found =
        read(
            db ->
                Optional.ofNullable(db.db.get(db.children, InodeKeys.child(parentId, name)))
                    .map(InodeValues::decode));
    found.ifPresent(inode -> cache.fill(ticket, key, inode));
    return found;
  }

  @Override
  public List<Inode> listChildren(long parentId, String startAfter, int limit) {
    requireNonNull(startAfter, "startAfter is null");
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    if (limit == 0 || parentId == Inode.NO_PARENT) {
      // The root is keyed under NO_PARENT but is nobody's child.
      return List.of();
    }
    return read(db -> ChildScan.page(db, parentId, startAfter, limit));
  }

  @Override
  public boolean hasChildren(long parentId) {
    return !listChildren(parentId, "", 1).isEmpty();
  }

  @Override
  public void put(Inode inode) {
    putAll(List.of(inode));
  }

  /** As one {@link WriteBatch}: when one put is refused, none is applied. */
  @Override
  public void putAll(List<Inode> inodes) {
    if (inodes.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      write(db -> writePuts(db, inodes));
    }
  }

  @Override
  public void remove(long id) {
    removeAll(List.of(id));
  }

  /** As one {@link WriteBatch}: when one removal is refused, none is applied. */
  @Override
  public void removeAll(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      write(db -> writeRemovals(db, ids));
    }
  }

  @Override
  public long allocateId() {
    return lastId.incrementAndGet();
  }

  @Override
  public long size() {
    return count.get();
  }

  @Override
  public void clear() {
    synchronized (writeLock) {
      replaceDatabase(null);
    }
  }

  /**
   * Flushes the memtables and writes a RocksDB checkpoint into {@code checkpoint} (hard links to
   * the store's immutable files where the file system allows, so it takes seconds for millions of
   * inodes); no write runs meanwhile.
   */
  @Override
  public boolean writeCheckpoint(Path checkpoint) throws IOException {
    synchronized (writeLock) {
      Lock lock = handleLock.readLock();
      lock.lock();
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
          Checkpoint rocksCheckpoint = Checkpoint.create(openDatabase().db)) {
        // The WAL is off: what is only in memtables would be missing from the checkpoint.
        database.db.flush(flush, database.handles());
        rocksCheckpoint.createCheckpoint(checkpoint.toString());
        return true;
      } catch (RocksDBException e) {
        throw new IOException(
            "cannot checkpoint the inode store " + folder + " into " + checkpoint + ": " + e, e);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Replaces the store's folder with links to (or copies of) the checkpoint's files. */
  @Override
  public boolean loadCheckpoint(Path checkpoint) throws IOException {
    synchronized (writeLock) {
      replaceDatabase(checkpoint);
    }
    return true;
  }

  @Override
  public void close() {
    Lock lock = handleLock.writeLock();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (database != null) {
        database.close();
        database = null;
      }
      writeOptions.close();
      folderLock.close();
    } finally {
      lock.unlock();
    }
  }

  private Optional<Inode> readById(RocksDatabase db, long id) throws RocksDBException {
    byte[] idKey = InodeKeys.id(id);
    byte[] location = db.db.get(db.inodes, idKey);
    for (int round = 0; location != null; round++) {
      byte[] value = db.db.get(db.children, location);
      Inode inode = value == null ? null : InodeValues.decode(value);
      if (inode != null && inode.id() == id) {
        return Optional.of(inode);
      }
      // Moved or removed between the two reads: find it again.
      checkState(
          round < MAX_READ_ROUNDS,
          "the inode store %s is inconsistent: inode %s has no record",
          folder,
          id);
      location = db.db.get(db.inodes, idKey);
    }
    return Optional.empty();
  }

  private void writePuts(RocksDatabase db, List<Inode> inodes) throws RocksDBException {
    if (NewInodes.all(inodes, storedMaxId)) {
      writeNew(db, inodes);
      return;
    }
    List<Object> changedKeys = new ArrayList<>(inodes.size() * 2);
    long added = 0;
    long maxId = storedMaxId;
    // Indexed, so each put sees the ones before it in the same batch.
    try (WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
        ReadOptions options = new ReadOptions()) {
      for (Inode inode : inodes) {
        byte[] idKey = InodeKeys.id(inode.id());
        // A first load puts millions of new inodes: skip the read that could only miss.
        byte[] previous =
            inode.id() > maxId ? null : batch.getFromBatchAndDB(db.db, db.inodes, options, idKey);
        byte[] location = InodeKeys.child(inode.parentId(), inode.name());
        if (previous == null || !Arrays.equals(previous, location)) {
          byte[] taken = batch.getFromBatchAndDB(db.db, db.children, options, location);
          checkState(
              taken == null,
              "cannot put inode %s as '%s' under parent %s: inode %s already has that name",
              inode.id(),
              inode.name(),
              inode.parentId(),
              taken == null ? 0 : InodeValues.decode(taken).id());
          if (previous == null) {
            added++;
          } else {
            byte[] moved = batch.getFromBatchAndDB(db.db, db.children, options, previous);
            if (moved != null) {
              Inode old = InodeValues.decode(moved);
              changedKeys.add(new ChildName(old.parentId(), old.name()));
            }
            batch.delete(db.children, previous);
          }
          batch.put(db.inodes, idKey, location);
        }
        batch.put(db.children, location, InodeValues.encode(inode));
        changedKeys.add(inode.id());
        changedKeys.add(new ChildName(inode.parentId(), inode.name()));
        maxId = Math.max(maxId, inode.id());
      }
      if (added != 0) {
        batch.put(db.meta, COUNT_KEY, InodeKeys.id(count.get() + added));
      }
      cache.beginWrite();
      try {
        db.db.write(writeOptions, batch);
        count.addAndGet(added);
        storedMaxId = maxId;
      } finally {
        cache.endWrite(changedKeys);
      }
    }
    // Ids put from the journal or a snapshot must never be handed out again.
    lastId.accumulateAndGet(maxId, Math::max);
  }

  /** A first load's batch: see {@link NewInodes}. */
  private void writeNew(RocksDatabase db, List<Inode> inodes) throws RocksDBException {
    long maxId = storedMaxId;
    for (Inode inode : inodes) {
      maxId = Math.max(maxId, inode.id());
    }
    try (WriteBatch batch = NewInodes.batch(db, inodes)) {
      batch.put(db.meta, COUNT_KEY, InodeKeys.id(count.get() + inodes.size()));
      cache.beginWrite();
      try {
        db.db.write(writeOptions, batch);
        count.addAndGet(inodes.size());
        storedMaxId = maxId;
      } finally {
        cache.endWrite(List.of());
      }
    }
    lastId.accumulateAndGet(maxId, Math::max);
  }

  private void writeRemovals(RocksDatabase db, List<Long> ids) throws RocksDBException {
    List<Object> changedKeys = new ArrayList<>(ids.size() * 2);
    Set<Long> removed = new HashSet<>();
    try (WriteBatch batch = new WriteBatch()) {
      for (long id : ids) {
        byte[] idKey = InodeKeys.id(id);
        byte[] location = removed.contains(id) ? null : db.db.get(db.inodes, idKey);
        byte[] value = location == null ? null : db.db.get(db.children, location);
        if (value == null) {
          // A replayed journal entry may remove an inode twice; the second time has nothing to do.
          continue;
        }
        Inode inode = InodeValues.decode(value);
        // Only folders are checked: the tree never puts a child under a file, and a sync that
        // finds a folder turned into a file removes its subtree first. A file's check would cost a
        // seek that may step over the deletion markers of every folder removed before it.
        checkState(
            !inode.isDirectory() || !ChildScan.hasChildrenLeft(db, id, removed),
            "cannot remove inode %s ('%s'): it has children",
            id,
            inode.name());
        batch.delete(db.inodes, idKey);
        batch.delete(db.children, location);
        removed.add(id);
        changedKeys.add(id);
        changedKeys.add(new ChildName(inode.parentId(), inode.name()));
      }
      if (removed.isEmpty()) {
        return;
      }
      batch.put(db.meta, COUNT_KEY, InodeKeys.id(count.get() - removed.size()));
      cache.beginWrite();
      try {
        db.db.write(writeOptions, batch);
        count.addAndGet(-removed.size());
      } finally {
        cache.endWrite(changedKeys);
      }
    }
  }

  /** Reopens the store empty ({@code checkpoint} null) or as a copy of a checkpoint. */
  private void replaceDatabase(Path checkpoint) {
    Lock lock = handleLock.writeLock();
    lock.lock();
    cache.beginWrite();
    try {
      openDatabase().close();
      database = null;
      if (checkpoint == null) {
        StoreFolders.recreate(folder);
      } else {
        StoreFolders.copyCheckpoint(checkpoint, folder);
      }
      database = RocksDatabase.open(folder, false);
      byte[] stored = database.db.get(database.meta, COUNT_KEY);
      count.set(stored == null ? 0 : InodeKeys.readId(stored));
      storedMaxId = database.largestInodeId();
      lastId.accumulateAndGet(storedMaxId, Math::max);
    } catch (IOException | RocksDBException e) {
      throw new MetasyncException(
          ErrorCode.INTERNAL,
          "cannot "
              + (checkpoint == null ? "empty the inode store " : "load the inode checkpoint ")
              + (checkpoint == null ? folder : checkpoint + " into " + folder)
              + ": "
              + e.getMessage(),
          e);
    } finally {
      cache.endWriteOfAll();
      lock.unlock();
    }
  }

  private interface RocksAction<T> {
    T run(RocksDatabase db) throws RocksDBException;
  }

  private interface RocksWrite {
    void run(RocksDatabase db) throws RocksDBException;
  }

  private <T> T read(RocksAction<T> action) {
    Lock lock = handleLock.readLock();
    lock.lock();
    try {
      return action.run(openDatabase());
    } catch (RocksDBException e) {
      throw storeFailure("read", e);
    } finally {
      lock.unlock();
    }
  }

  private void write(RocksWrite action) {
    Lock lock = handleLock.readLock();
    lock.lock();
    try {
      action.run(openDatabase());
    } catch (RocksDBException e) {
      throw storeFailure("write", e);
    } finally {
      lock.unlock();
    }
  }

  private RocksDatabase openDatabase() {
    checkState(database != null, "the inode store %s is closed", folder);
    return database;
  }

  private MetasyncException storeFailure(String what, RocksDBException e) {
    return new MetasyncException(
        ErrorCode.INTERNAL,
        "cannot " + what + " the inode store " + folder + ": " + e.getMessage(),
        e);
  }
}
