package io.metasync.common;

/** What a namespace or UFS entry is. */
public enum FileType {
  FILE,
  DIRECTORY
}
