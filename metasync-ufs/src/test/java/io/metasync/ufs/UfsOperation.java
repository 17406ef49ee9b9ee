package io.metasync.ufs;

/** The calls of {@link UnderFileSystem} that touch the UFS, for counting and fault injection. */
public enum UfsOperation {
  GET_STATUS,
  LIST,
  MKDIR,
  CREATE,
  OPEN,
  DELETE,
  RENAME,
  SET_MODE,
  SET_OWNER
}
