package io.metasync.common;

/** POSIX permission bits as {@code ls -l} shows them. */
public final class FileModes {
  /** The sticky bit: in a folder, only an entry's owner (or the folder's) may delete or move it. */
  public static final int STICKY = 01000;

  private FileModes() {}

  /** As {@code ls -l} shows it: type, then rwx for user, group and others; sticky bit as t/T. */
  public static String symbolic(FileType type, int mode) {
    StringBuilder text =
        new StringBuilder(
            switch (type) {
              case DIRECTORY -> "d";
              case FILE -> "-";
            });
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = mode >> shift;
      text.append((bits & 4) != 0 ? 'r' : '-');
      text.append((bits & 2) != 0 ? 'w' : '-');
      text.append((bits & 1) != 0 ? 'x' : '-');
    }
    if ((mode & STICKY) != 0) {
      boolean othersExecute = (mode & 1) != 0;
      text.setCharAt(text.length() - 1, othersExecute ? 't' : 'T');
    }
    return text.toString();
  }
}
