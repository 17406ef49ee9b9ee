package io.metasync.client;

/**
 * How far a long operation (loadMetadata, checkConsistency) has come; the last report of an
 * operation has {@code done} set.
 */
public record Progress(long directories, long files, long elapsedMs, boolean done) {}
