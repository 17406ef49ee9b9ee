package io.metasync.master.inode.rocks;

import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads the inodes of a checkpoint written by {@link RocksInodeStore#writeCheckpoint}, opened read
 * only, so that a store of another kind (the heap) can load a RocksDB snapshot.
 */
public final class CheckpointReader {
  private CheckpointReader() {}

  /**
   * Replaces every inode of {@code store}, whatever its kind, with those of {@code checkpoint}: as
   * the store loads it itself when it can, else one by one (so a master can switch stores over an
   * existing journal).
   *
   * @throws IOException when the checkpoint is missing or unreadable
   */
  public static void loadInto(InodeStore store, Path checkpoint) throws IOException {
    if (!store.loadCheckpoint(checkpoint)) {
      store.clear();
      readInodes(checkpoint, store::put);
    }
  }

  /**
   * Gives every inode of {@code checkpoint} to {@code consumer}, in key order.
   *
   * @throws IOException when the checkpoint is missing or unreadable
   */
  public static void readInodes(Path checkpoint, Consumer<Inode> consumer) throws IOException {
    try (RocksDatabase source = RocksDatabase.open(checkpoint, true);
        RocksIterator iterator = source.db.newIterator(source.children)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        consumer.accept(InodeValues.decode(iterator.value()));
      }
      iterator.status();
    } catch (RocksDBException e) {
      throw new IOException("cannot read the inode checkpoint " + checkpoint + ": " + e, e);
    }
  }
}
