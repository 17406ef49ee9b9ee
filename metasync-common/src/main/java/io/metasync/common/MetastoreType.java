package io.metasync.common;

/** Where the master keeps its inodes ({@code metasync.master.metastore}). */
public enum MetastoreType {
  /** In RocksDB, off the Java heap, with a bounded cache of hot inodes on the heap. */
  ROCKS,
  /** On the Java heap: fastest, but the heap must hold every inode. */
  HEAP
}
