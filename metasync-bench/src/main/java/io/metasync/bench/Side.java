package io.metasync.bench;

/**
 * One side of a comparison: runs once and returns its figure for that round (milliseconds or
 * operations per second). Setup that must not be timed happens inside, before the clock starts.
 */
@FunctionalInterface
interface Side {
  double measure() throws Exception;
}
