package io.metasync.common;

import java.util.Locale;

/**
 * Long text, such as a 5,000-character path, shortened for an error line: the start that tells
 * which it is, and how long it was. Every message that repeats a caller's path goes through here,
 * so one long path can neither fill a terminal nor overflow a gRPC header.
 */
public final class MessageText {
  /** Text up to this many characters is kept whole. */
  static final int KEPT_WHOLE = 200;

  /** How much of longer text is kept. */
  static final int KEPT_START = 100;

  private MessageText() {}

  /**
   * {@code text} itself, or its first 100 characters followed by {@code ... (5,500 characters)}.
   */
  public static String abbreviate(String text) {
    if (text.length() <= KEPT_WHOLE) {
      return text;
    }
    int end = KEPT_START;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return text.substring(0, end) + "... (" + count(text.length()) + " characters)";
  }

  /** {@code 5500} as {@code 5,500}, whatever the JVM's locale. */
  public static String count(long number) {
    return String.format(Locale.ROOT, "%,d", number);
  }
}
