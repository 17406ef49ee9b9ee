package io.metasync.master.inode.rocks;

/**
 * The keys of the RocksDB inode store. An id is 8 big-endian bytes, so ids sort numerically. A
 * child key is its parent's id followed by its name, so one folder's children are one contiguous
 * key range.
 *
 * <p>Names must come out of a range scan in {@link String#compareTo} order (the order {@code
 * UfsListing} promises and a sync merge relies on), and RocksDB compares keys as bytes. UTF-8 bytes
 * sort in code point order, which differs from {@code String} order (UTF-16 code units) where a
 * supplementary character (U+10000 and up, surrogates U+D800..U+DFFF in UTF-16) meets
 * U+E000..U+FFFF: "😀" sorts before "ｱ" as a {@code String} and after it in UTF-8. So a name is
 * encoded one UTF-16 code unit at a time, each as UTF-8 would encode that value (the CESU-8 form):
 * every code unit maps to 1, 2 or 3 bytes whose byte order is the code units' numeric order, and no
 * encoding of a unit is a prefix of another's, so comparing the bytes compares the code units one
 * by one, which is what {@code String.compareTo} does. Names in the Basic Multilingual Plane take
 * exactly their UTF-8 bytes; a supplementary character takes 6 bytes instead of 4.
 */
final class InodeKeys {
  static final int ID_BYTES = Long.BYTES;

  private InodeKeys() {}

  static byte[] id(long id) {
    byte[] key = new byte[ID_BYTES];
    putLong(key, 0, id);
    return key;
  }

  static long readId(byte[] bytes) {
    long value = 0;
    for (int i = 0; i < ID_BYTES; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /** The key of {@code name} under {@code parentId}. */
  static byte[] child(long parentId, String name) {
    byte[] key = new byte[ID_BYTES + encodedLength(name)];
    putLong(key, 0, parentId);
    int at = ID_BYTES;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x80) {
        key[at++] = (byte) c;
      } else if (c < 0x800) {
        key[at++] = (byte) (0xc0 | (c >>> 6));
        key[at++] = (byte) (0x80 | (c & 0x3f));
      } else {
        key[at++] = (byte) (0xe0 | (c >>> 12));
        key[at++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
        key[at++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return key;
  }

  /** The first key after every child key of {@code parentId}: the end of its range. */
  static byte[] childrenEnd(long parentId) {
    // Ids are positive, so parentId + 1 never wraps.
    return id(parentId + 1);
  }

  static boolean isChildOf(byte[] key, long parentId) {
    return key.length >= ID_BYTES && readId(key) == parentId;
  }

  private static int encodedLength(String name) {
    int length = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return length;
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = ID_BYTES - 1; i >= 0; i--) {
      bytes[offset + i] = (byte) value;
      value >>>= 8;
    }
  }
}
