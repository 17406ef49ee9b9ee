package io.metasync.master.inode;

/**
 * How often an inode store's cache answered a read (hits) and how often it had to read its disk
 * (misses), since the store opened.
 */
public record InodeCacheCounts(long hits, long misses) {}
