package io.metasync.master.mount;

import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which UFS serves each namespace path: the deepest mount point at or above it. {@code /} is always
 * mounted. This class only keeps the table and checks that mounts do not overlap; the inode of a
 * mount point and the UFS connection are the caller's.
 */
public final class MountTable {
  private final ConcurrentSkipListMap<NamespacePath, MountPoint> mounts =
      new ConcurrentSkipListMap<>();

  public MountTable(MountPoint root) {
    if (!root.path().isRoot()) {
      throw new IllegalArgumentException("the first mount must be /, not " + root.path());
    }
    mounts.put(NamespacePath.ROOT, root);
  }

  /** The mount serving {@code path} and the path's place in that UFS. */
  public UfsLocation resolve(NamespacePath path) {
    for (int depth = path.depth(); depth >= 0; depth--) {
      MountPoint mount = mounts.get(path.ancestor(depth));
      if (mount != null) {
        return new UfsLocation(path, mount, mount.ufsPathOf(path));
      }
    }
    throw new IllegalStateException("/ is not mounted");
  }

  public Optional<MountPoint> get(NamespacePath path) {
    return Optional.ofNullable(mounts.get(path));
  }

  public boolean isMountPoint(NamespacePath path) {
    return mounts.containsKey(path);
  }

  /** Mount points strictly below {@code path}. */
  public List<MountPoint> mountsBelow(NamespacePath path) {
    return mounts.tailMap(path, false).values().stream()
        .takeWhile(mount -> mount.path().isDescendantOf(path))
        .toList();
  }

  /** All mounts, {@code /} first, in path order. */
  public List<MountPoint> list() {
    return List.copyOf(mounts.values());
  }

  /**
   * Checks that {@code path} may be a new mount point: not {@code /}, not mounted already.
   *
   * @throws MetasyncException INVALID_ARGUMENT or ALREADY_EXISTS
   */
  public void checkMountPoint(NamespacePath path) {
    if (path.isRoot()) {
      throw MetasyncException.invalidArgument("cannot mount on /: it is always mounted");
    }
    if (mounts.containsKey(path)) {
      throw MetasyncException.alreadyExists(path);
    }
  }

  /**
   * Checks that {@code uri} may be mounted at {@code path}: {@link #checkMountPoint}, and not
   * inside or around another mount's UFS folder (which would show one UFS entry at two paths).
   *
   * @param uri the folder the UFS really serves (its {@code rootUri}: a local folder's real path),
   *     compared with the other mounts' (which the table keeps resolved)
   * @param shown the URI as the user should read it in a message: what they typed, and what it
   *     resolved to when that differs
   * @throws MetasyncException INVALID_ARGUMENT or ALREADY_EXISTS saying which mount is in the way
   */
  public void checkCanMount(NamespacePath path, URI uri, String shown) {
    checkMountPoint(path);
    for (MountPoint mount : mounts.values()) {
      if (overlaps(mount.ufsUri(), uri)) {
        throw MetasyncException.invalidArgument(
            "cannot mount "
                + shown
                + " at "
                + path
                + ": it overlaps "
                + mount.ufsUri()
                + ", the UFS of mount "
                + mount.path()
                + " (a UFS folder may be mounted only once, and not inside another mount's folder)");
      }
    }
  }

  /**
   * Adds a mount without checks: the checks ran when the mount was proposed ({@link
   * #checkCanMount}), and applying a journal entry must not fail.
   */
  public void register(MountPoint mount) {
    mounts.put(mount.path(), mount);
  }

  /** Removes a mount (never {@code /}); returns it, or empty when there was none. */
  public Optional<MountPoint> unregister(NamespacePath path) {
    if (path.isRoot()) {
      throw new IllegalArgumentException("/ is always mounted");
    }
    return Optional.ofNullable(mounts.remove(path));
  }

  static boolean overlaps(URI first, URI second) {
    if (!Objects.equals(lower(first.getScheme()), lower(second.getScheme()))
        || !Objects.equals(lower(first.getAuthority()), lower(second.getAuthority()))) {
      return false;
    }
    String a = folder(first.getPath());
    String b = folder(second.getPath());
    return a.startsWith(b) || b.startsWith(a);
  }

  /** Whether two UFS URIs name the same folder, a trailing slash aside. */
  public static boolean sameFolder(URI first, URI second) {
    return Objects.equals(lower(first.getScheme()), lower(second.getScheme()))
        && Objects.equals(lower(first.getAuthority()), lower(second.getAuthority()))
        && folder(first.getPath()).equals(folder(second.getPath()));
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static String folder(String path) {
    String base = path == null || path.isEmpty() ? "/" : path;
    return base.endsWith("/") ? base : base + "/";
  }
}
