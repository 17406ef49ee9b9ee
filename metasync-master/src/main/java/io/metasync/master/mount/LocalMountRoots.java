package io.metasync.master.mount;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The local folders that mounts may serve ({@code metasync.master.mount.local.allowed.roots}): a
 * {@code file:} mount's folder must be at or below one of them, both compared as real paths, so
 * that neither a link inside an allowed folder nor a link to one fools the check. No folders means
 * any. Only the {@code file} scheme is named here, not the local UFS: the UFS has already resolved
 * its folder to its real path ({@code UnderFileSystem#rootUri}).
 */
public final class LocalMountRoots {
  private static final String KEY = PropertyKey.MASTER_MOUNT_LOCAL_ALLOWED_ROOTS.key();

  private final List<Path> roots;

  public LocalMountRoots(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  public static LocalMountRoots from(MetasyncConfiguration conf) {
    return new LocalMountRoots(conf.getFolders(PropertyKey.MASTER_MOUNT_LOCAL_ALLOWED_ROOTS));
  }

  /**
   * @param uri the folder the mount's UFS really serves (its {@code rootUri})
   * @param shown the mount's URI as the user should read it in a message
   * @throws MetasyncException PERMISSION_DENIED when {@code uri} is a local folder outside every
   *     allowed root
   */
  public void check(URI uri, String shown) {
    if (roots.isEmpty() || !"file".equals(lower(uri.getScheme()))) {
      return;
    }
    Path folder = Path.of(uri);
    for (Path root : roots) {
      if (folder.startsWith(realPath(root))) {
        return;
      }
    }
    throw new MetasyncException(
        ErrorCode.PERMISSION_DENIED,
        "cannot mount "
            + shown
            + ": local mounts are limited to "
            + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
            + " by "
            + KEY);
  }

  /** Read at each mount: an allowed folder may be created or moved after start-up. */
  private static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      // Missing or unreadable: nothing real can be below it but its own path.
      return root;
    }
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}
