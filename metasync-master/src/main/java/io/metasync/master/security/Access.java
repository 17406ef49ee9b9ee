package io.metasync.master.security;

/** What a call needs of an inode, as POSIX permission bits (r = 4, w = 2, x = 1). */
public enum Access {
  READ(4, "read"),
  WRITE(2, "write"),
  EXECUTE(1, "traverse"),
  READ_EXECUTE(5, "list");

  private final int bits;
  private final String verb;

  Access(int bits, String verb) {
    this.bits = bits;
    this.verb = verb;
  }

  int bits() {
    return bits;
  }

  /** The verb of the refusal: "user etl may not <verb> /path". */
  String verb() {
    return verb;
  }
}
