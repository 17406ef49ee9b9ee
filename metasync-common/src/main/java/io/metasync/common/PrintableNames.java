package io.metasync.common;

/**
 * Names a terminal or a script can trust. A client may not create a name holding a control
 * character (C0, DEL or C1: a newline would make one entry two lines, an escape sequence would
 * drive the terminal that lists it); a name that already holds one in a UFS is shown escaped, as
 * {@code ls -b} does, so one entry is always one line.
 */
public final class PrintableNames {
  private PrintableNames() {}

  /** Whether {@code c} is a control character: C0 (below 0x20), DEL (0x7f) or C1 (0x80–0x9f). */
  static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  /**
   * Refuses a path that a client wants to create when one of its names holds a control character.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the path (escaped) and the character
   */
  public static void checkCreatable(NamespacePath path) {
    String text = path.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        throw MetasyncException.invalidArgument(
            "cannot create "
                + escape(text)
                + ": its name holds the control character "
                + String.format("U+%04X", (int) c)
                + " (a newline, tab, escape or the like); choose a name without one");
      }
    }
  }

  /**
   * {@code text} with backslashes doubled and control characters escaped as {@code ls -b} does:
   * {@code \n}, {@code \t}, {@code \r}, and three octal digits for the others (an escape is {@code
   * \033}).
   */
  public static String escape(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' && !isControl(c)) {
        if (escaped != null) {
          escaped.append(c);
        }
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\t' -> escaped.append("\\t");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append('\\').append(String.format("%03o", (int) c));
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}
