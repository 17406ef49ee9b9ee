package io.metasync.master.file;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Who creates a file or folder through metasync, and the umask its mode is made with: a folder gets
 * {@code 0777 & ~umask}, a file {@code 0666 & ~umask}, and the creator becomes its owner where the
 * UFS lets the master give it away (see {@link WriteOperations}).
 */
public record Creator(String user, int umask) {
  public Creator {
    requireNonNull(user, "user is null");
    checkArgument(umask >= 0 && umask <= 0777, "umask %s is not between 000 and 777", umask);
  }

  int directoryMode() {
    return 0777 & ~umask;
  }

  int fileMode() {
    return 0666 & ~umask;
  }
}
