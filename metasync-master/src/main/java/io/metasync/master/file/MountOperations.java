package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MessageText;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.journal.Journal;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.LocalMountRoots;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountRecords;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsOpener;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.PathFreshness;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code mount}, {@code unmount} and the mount table. The UFS is only read here, never changed.
 * Mounts and unmounts run one at a time (they are rare), so two overlapping mounts cannot both pass
 * the checks.
 */
public final class MountOperations {
  /** Told of each unmount once it is journaled, before the mount's UFS is closed. */
  @FunctionalInterface
  public interface UnmountListener {
    /** Must not throw: the unmount is done whatever the listener makes of it. */
    void unmounted(NamespacePath mountPath);
  }

  private final InodeTree tree;
  private final MountTable mounts;
  private final PathLockManager locks;
  private final OnDemandSync onDemandSync;
  private final PathFreshness freshness;
  private final UfsOpener opener;
  private final LocalMountRoots localRoots;
  private final Journal journal;
  private final List<UnmountListener> unmountListeners = new CopyOnWriteArrayList<>();

  public MountOperations(
      InodeTree tree,
      MountTable mounts,
      PathLockManager locks,
      OnDemandSync onDemandSync,
      PathFreshness freshness,
      UfsOpener opener,
      LocalMountRoots localRoots,
      Journal journal) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.locks = requireNonNull(locks, "locks is null");
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.freshness = requireNonNull(freshness, "freshness is null");
    this.opener = requireNonNull(opener, "opener is null");
    this.localRoots = requireNonNull(localRoots, "localRoots is null");
    this.journal = requireNonNull(journal, "journal is null");
  }

  /**
   * Has {@code listener} told of every unmount from now on, directly: active sync stops following
   * the mount's sync points and closes its feed before the UFS under the feed is closed.
   */
  public void addUnmountListener(UnmountListener listener) {
    unmountListeners.add(requireNonNull(listener, "listener is null"));
  }

  /**
   * Mounts the UFS folder {@code uriText} at {@code path}, which must not exist yet. The mount
   * keeps the folder the UFS really serves (its {@code rootUri}: a local folder's real path, links
   * resolved), and that is what the overlap check and the allowed local roots compare, so a mount
   * through a link to another mount's folder, or to {@code /}, is refused as overlapping.
   *
   * @throws MetasyncException INVALID_ARGUMENT (bad URI, overlapping mount), ALREADY_EXISTS,
   *     NOT_FOUND (missing parent or UFS folder), PERMISSION_DENIED (a local folder outside {@code
   *     metasync.master.mount.local.allowed.roots}), UNAVAILABLE (UFS unreachable)
   */
  public synchronized void mount(NamespacePath path, String uriText, MountOptions options) {
    URI requested = parseUri(uriText);
    mounts.checkMountPoint(path);
    // Opened before the other checks: only the UFS knows which folder the URI really names.
    UnderFileSystem ufs = open(requested, options);
    try {
      URI uri = ufs.rootUri();
      String shown =
          MountTable.sameFolder(requested, uri)
              ? requested.toString()
              : requested + " (resolved to " + uri + ")";
      localRoots.check(uri, shown);
      mounts.checkCanMount(path, uri, shown);
      Optional<Inode> parent = onDemandSync.resolve(path.parent(), LoadType.ONCE);
      WriteGuard.requireDirectory(parent, path, "mount at");
      // Asked of the UFS every time: a mount must never shadow a folder the cache has not seen yet.
      if (onDemandSync.resolve(path, LoadType.ALWAYS).isPresent()) {
        throw new MetasyncException(
            ErrorCode.ALREADY_EXISTS,
            "cannot mount at " + path + ": it already exists; mount on a new path");
      }
      try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
        UfsStatus root = rootStatus(ufs, shown);
        Inode lockedParent =
            WriteGuard.requireDirectory(tree.lookup(path.parent()), path, "mount at");
        if (tree.child(lockedParent, path.name()).isPresent()) {
          throw MetasyncException.alreadyExists(path);
        }
        mounts.checkCanMount(path, uri, shown);
        Inode mountInode = tree.newChild(lockedParent, path.name(), root);
        journal.write(MountRecords.addMount(path, uri, options, mountInode));
        freshness.forgetSubtree(path);
      }
    } finally {
      // The mount table connects on first use; this connection only checked the UFS.
      closeQuietly(ufs);
    }
  }

  private static URI parseUri(String uriText) {
    URI uri;
    try {
      uri = new URI(uriText);
    } catch (URISyntaxException e) {
      throw MetasyncException.invalidArgument(
          "'"
              + MessageText.abbreviate(uriText)
              + "' is not a valid UFS URI: "
              + e.getReason()
              + (e.getIndex() < 0 ? "" : " at index " + e.getIndex()));
    }
    if (uri.getScheme() == null) {
      throw MetasyncException.invalidArgument(
          "UFS URI '" + uriText + "' has no scheme; write it like file:///data/folder");
    }
    return uri;
  }

  private UnderFileSystem open(URI uri, MountOptions options) {
    try {
      return opener.open(uri, options.properties());
    } catch (IOException e) {
      throw UfsErrors.forMount(e, uri);
    }
  }

  private static UfsStatus rootStatus(UnderFileSystem ufs, String uri) {
    try {
      UfsStatus root =
          ufs.getStatus("/")
              .orElseThrow(
                  () ->
                      new MetasyncException(
                          ErrorCode.NOT_FOUND, "cannot mount " + uri + ": it does not exist"));
      if (!root.isDirectory()) {
        throw MetasyncException.invalidArgument(
            "cannot mount " + uri + ": it is a file, not a folder");
      }
      return root;
    } catch (IOException e) {
      throw UfsErrors.forMount(e, ufs.rootUri());
    }
  }

  /**
   * Removes a mount and its cached subtree; nothing in the UFS changes.
   *
   * @throws MetasyncException INVALID_ARGUMENT for / or a path that is no mount point,
   *     FAILED_PRECONDITION when mounts are nested below it
   */
  public synchronized void unmount(NamespacePath path) {
    if (path.isRoot()) {
      throw MetasyncException.invalidArgument("cannot unmount /: it is always mounted");
    }
    if (!mounts.isMountPoint(path)) {
      throw MetasyncException.invalidArgument(path + " is not a mount point (see mountTable)");
    }
    List<MountPoint> below = mounts.mountsBelow(path);
    if (!below.isEmpty()) {
      throw MetasyncException.failedPrecondition(
          "cannot unmount "
              + path
              + ": the mount "
              + below.get(0).path()
              + " is inside it; unmount that first");
    }
    MountPoint removed =
        mounts
            .get(path)
            .orElseThrow(() -> MetasyncException.invalidArgument(path + " is not a mount point"));
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      journal.write(MountRecords.removeMount(path));
      tree.purgeTrash();
      freshness.forgetSubtree(path);
    }
    unmountListeners.forEach(listener -> listener.unmounted(path));
    closeQuietly(removed.ufs());
  }

  public List<MountPoint> mountTable() {
    return mounts.list();
  }

  private static void closeQuietly(UnderFileSystem ufs) {
    try {
      ufs.close();
    } catch (IOException | RuntimeException e) {
      // Nothing to keep: the mount is gone either way.
    }
  }
}
