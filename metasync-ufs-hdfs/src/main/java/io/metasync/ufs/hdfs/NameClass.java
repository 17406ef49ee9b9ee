package io.metasync.ufs.hdfs;

/**
 * The kind of character that starts at one byte of a UTF-8 name, as far as ordering goes. HDFS
 * keeps a folder's children sorted by their UTF-8 bytes compared as <em>signed</em> Java bytes, so
 * every non-ASCII character sorts before every ASCII one; {@link String#compareTo} compares UTF-16
 * units, so ASCII comes first and characters above U+FFFF (surrogate pairs) come before
 * U+E000..U+FFFF. Within one class both orders agree. The constants are declared in String order.
 */
enum NameClass {
  /** U+0000..U+007F: one byte 0x00..0x7F; last in HDFS's order. */
  ASCII(new byte[] {(byte) 0xFF}),
  /** U+0080..U+D7FF: lead byte 0xC2..0xED; first in HDFS's order. */
  LOW_NON_ASCII(new byte[] {}),
  /** U+10000 and above: lead byte 0xF0..0xF4; third in HDFS's order. */
  SUPPLEMENTARY(new byte[] {(byte) 0xEF, (byte) 0xFF}),
  /** U+E000..U+FFFF: lead byte 0xEE..0xEF; second in HDFS's order. */
  HIGH_BMP(new byte[] {(byte) 0xED, (byte) 0xFF});

  /**
   * Appended to a prefix, a name that HDFS sorts after every name of that prefix whose next
   * character sorts before this class, and before every name of this class: UTF-8 never holds 0xFF,
   * and a lead byte is followed by continuation bytes 0x80..0xBF only.
   */
  private final byte[] segmentStart;

  NameClass(byte[] segmentStart) {
    this.segmentStart = segmentStart;
  }

  static NameClass of(byte b) {
    int unsigned = b & 0xFF;
    if (unsigned < 0x80) {
      return ASCII;
    }
    if (unsigned <= 0xED) {
      return LOW_NON_ASCII;
    }
    return unsigned <= 0xEF ? HIGH_BMP : SUPPLEMENTARY;
  }

  /** Whether a character starts at this byte (it is not a UTF-8 continuation byte). */
  static boolean startsCharacter(byte b) {
    return (b & 0xC0) != 0x80;
  }

  /** The name to list after to reach the first name of {@code prefix} followed by this class. */
  byte[] segmentStart(byte[] prefix) {
    byte[] start = new byte[prefix.length + segmentStart.length];
    System.arraycopy(prefix, 0, start, 0, prefix.length);
    System.arraycopy(segmentStart, 0, start, prefix.length, segmentStart.length);
    return start;
  }
}
