package io.metasync.master.inode.rocks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * One open RocksDB of inodes and the native objects it needs, closed together. Column families:
 * {@code inodes} (id -> the inode's child key, its location), {@code children} (parent id + name ->
 * the inode record) and the default one for the store's own counters.
 */
final class RocksDatabase implements AutoCloseable {
  static final byte[] INODES = "inodes".getBytes(UTF_8);
  static final byte[] CHILDREN = "children".getBytes(UTF_8);

  /** Off-heap cache of RocksDB blocks, shared by the column families. */
  private static final long BLOCK_CACHE_BYTES = 64L << 20;

  static {
    RocksDB.loadLibrary();
  }

  final RocksDB db;
  final ColumnFamilyHandle meta;
  final ColumnFamilyHandle inodes;
  final ColumnFamilyHandle children;
  private final List<AutoCloseable> resources;

  private RocksDatabase(
      RocksDB db, List<ColumnFamilyHandle> handles, List<AutoCloseable> resources) {
    this.db = db;
    this.meta = handles.get(0);
    this.inodes = handles.get(1);
    this.children = handles.get(2);
    this.resources = resources;
  }

  /** Opens (creating if missing) the database in {@code folder}. */
  static RocksDatabase open(Path folder, boolean readOnly) throws RocksDBException {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      LRUCache blockCache = add(resources, new LRUCache(BLOCK_CACHE_BYTES));
      BloomFilter bloom = add(resources, new BloomFilter(10));
      BlockBasedTableConfig table =
          new BlockBasedTableConfig().setBlockCache(blockCache).setFilterPolicy(bloom);
      ColumnFamilyOptions columnOptions =
          add(
              resources,
              new ColumnFamilyOptions()
                  .setTableFormatConfig(table)
                  // a bloom filter over the memtable's keys too: a put checks that its name is
                  // free, and for a new inode that read misses, which the filter answers alone
                  .setMemtablePrefixBloomSizeRatio(0.1)
                  .setMemtableWholeKeyFiltering(true)
                  .setCompressionType(CompressionType.LZ4_COMPRESSION));
      DBOptions options =
          add(
              resources,
              new DBOptions()
                  .setCreateIfMissing(true)
                  .setCreateMissingColumnFamilies(true)
                  .setMaxBackgroundJobs(2)
                  .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                  .setKeepLogFileNum(2));
      List<ColumnFamilyDescriptor> descriptors =
          List.of(
              new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions),
              new ColumnFamilyDescriptor(INODES, columnOptions),
              new ColumnFamilyDescriptor(CHILDREN, columnOptions));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db =
          readOnly
              ? RocksDB.openReadOnly(options, folder.toString(), descriptors, handles)
              : RocksDB.open(options, folder.toString(), descriptors, handles);
      // Closed in reverse: handles, then the database, then the options they were opened with.
      List<AutoCloseable> owned = new ArrayList<>(handles);
      owned.add(db);
      for (int i = resources.size() - 1; i >= 0; i--) {
        owned.add(resources.get(i));
      }
      return new RocksDatabase(db, handles, owned);
    } catch (RocksDBException | RuntimeException e) {
      for (int i = resources.size() - 1; i >= 0; i--) {
        closeQuietly(resources.get(i));
      }
      throw e;
    }
  }

  List<ColumnFamilyHandle> handles() {
    return List.of(meta, inodes, children);
  }

  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      closeQuietly(resource);
    }
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> resources, T resource) {
    resources.add(resource);
    return resource;
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // Releasing native memory on the way out: nothing to recover.
    }
  }

  /** The largest inode id stored, 0 when there is none. */
  long largestInodeId() {
    try (RocksIterator last = db.newIterator(inodes)) {
      last.seekToLast();
      return last.isValid() ? InodeKeys.readId(last.key()) : 0;
    }
  }
}
