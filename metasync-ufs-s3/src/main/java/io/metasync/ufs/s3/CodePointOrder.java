package io.metasync.ufs.s3;

/**
 * S3's order of keys: their UTF-8 bytes compared unsigned, which is the order of their code points.
 * It differs from {@link String#compareTo} (UTF-16 units) where a character above U+FFFF meets one
 * of U+E000..U+FFFF.
 */
final class CodePointOrder {
  private CodePointOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Where an entry stands in S3's order: a folder as its common prefix {@code name/}. */
  static String sortKey(String name, boolean folder) {
    return folder ? name + "/" : name;
  }
}
