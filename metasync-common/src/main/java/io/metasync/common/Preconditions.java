package io.metasync.common;

/** Argument checks for value classes, in the style of Guava's, without the dependency. */
public final class Preconditions {
  private Preconditions() {}

  public static void checkArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  public static void checkState(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }
}
