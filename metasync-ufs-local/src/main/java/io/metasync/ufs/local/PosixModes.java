package io.metasync.ufs.local;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Converts between numeric modes and {@link PosixFilePermission}s. Only the permission bits 0777
 * exist on that side: java.nio can neither read nor set setuid, setgid and sticky bits.
 */
final class PosixModes {
  private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values();

  private PosixModes() {}

  /** The permissions of {@code mode}; bits above 0777 are dropped. */
  static Set<PosixFilePermission> toPermissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    // PosixFilePermission lists OWNER_READ (0400) first and OTHERS_EXECUTE (0001) last.
    for (int i = 0; i < BY_BIT.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(BY_BIT[i]);
      }
    }
    return permissions;
  }

  static int toMode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }
}
