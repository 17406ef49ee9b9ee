package io.metasync.shell;

import java.util.regex.Pattern;

/** Permission bits as users write and read them: {@code 0644} and {@code -rw-r--r--}. */
final class PermissionFormat {
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,5}");
  private static final int MAX_MODE = 07777;

  private PermissionFormat() {}

  /**
   * Parses an octal mode such as {@code 755} or {@code 0644}.
   *
   * @throws IllegalArgumentException naming the text when it is not one
   */
  static int parseOctal(String text) {
    if (!OCTAL.matcher(text).matches() || Integer.parseInt(text, 8) > MAX_MODE) {
      throw new IllegalArgumentException("'" + text + "' is not an octal mode such as 755 or 0644");
    }
    return Integer.parseInt(text, 8);
  }

  /** The mode in octal with a leading 0: {@code 0644}, {@code 01777}. */
  static String octal(int mode) {
    return "0" + String.format("%03o", mode & MAX_MODE);
  }
}
