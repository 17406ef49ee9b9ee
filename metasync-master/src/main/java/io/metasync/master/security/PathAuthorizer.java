package io.metasync.master.security;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.CachedTreeWalk;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.sync.OnDemandSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What each call needs of the namespace's mode bits, as the HDFS NameNode asks it: {@code stat}
 * traverses, {@code ls} also reads and traverses the folder, {@code open} reads the file, creating
 * writes into the nearest existing folder, deleting and moving write into the parent (sticky bit
 * honoured; a recursive delete needs every folder below to be fully accessible), {@code chmod}
 * takes the owner, {@code chown} a superuser. Checked on the cached inodes: a read after the call
 * resolved (and synced) its path, a write before it touches the UFS, with missing ancestors loaded
 * first.
 */
public final class PathAuthorizer {
  private final InodeTree tree;
  private final FolderPages pages;
  private final OnDemandSync onDemandSync;
  private final PermissionChecker checker;

  /**
   * @param pages how a recursive delete's check reads the folders below
   */
  public PathAuthorizer(
      InodeTree tree, FolderPages pages, OnDemandSync onDemandSync, PermissionChecker checker) {
    this.tree = requireNonNull(tree, "tree is null");
    this.pages = requireNonNull(pages, "pages is null");
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  /** {@code stat}: {@code x} on every folder above the path. */
  public void checkStatus(Caller caller, NamespacePath path) {
    if (skip(caller)) {
      return;
    }
    checker.checkTraverse(caller, path, chain(path));
  }

  /** {@code ls} of a folder: traverse, then {@code r} and {@code x} on it. */
  public void checkList(Caller caller, NamespacePath path) {
    if (skip(caller)) {
      return;
    }
    List<Inode> chain = chain(path);
    checker.checkTraverse(caller, path, chain);
    Inode last = chain.get(chain.size() - 1);
    if (chain.size() == path.depth() + 1 && last.isDirectory()) {
      checker.check(caller, path, last, Access.READ_EXECUTE);
    }
  }

  /** Which folders a recursive listing may descend into: those the caller may list. */
  public Predicate<Inode> listableFolders(Caller caller) {
    if (skip(caller)) {
      return folder -> true;
    }
    return folder -> PermissionChecker.allows(caller, folder, Access.READ_EXECUTE);
  }

  /** {@code open}: traverse, then {@code r} on the file. */
  public void checkRead(Caller caller, NamespacePath path) {
    if (skip(caller)) {
      return;
    }
    List<Inode> chain = chain(path);
    checker.checkTraverse(caller, path, chain);
    if (chain.size() == path.depth() + 1) {
      checker.check(caller, path, chain.get(chain.size() - 1), Access.READ);
    }
  }

  /**
   * Creating a file or folder (with {@code mkdir -p}, its missing ancestors): traverse, then {@code
   * w} and {@code x} on the nearest folder that exists.
   */
  public void checkCreate(Caller caller, NamespacePath path) {
    if (skip(caller)) {
      return;
    }
    onDemandSync.resolve(path.parent(), LoadType.ONCE);
    List<Inode> chain = chain(path.parent());
    checker.checkTraverse(caller, path.parent(), chain);
    Inode nearest = chain.get(chain.size() - 1);
    NamespacePath nearestPath = path.ancestor(chain.size() - 1);
    checker.check(caller, nearestPath, nearest, Access.WRITE);
    checker.check(caller, nearestPath, nearest, Access.EXECUTE);
  }

  /**
   * Deleting: traverse, {@code w} and {@code x} on the parent (and the sticky bit's owner rule);
   * recursively, {@code r}, {@code w} and {@code x} on every folder below, as HDFS asks.
   */
  public void checkDelete(Caller caller, NamespacePath path, boolean recursive) {
    Optional<Inode> inode = checkRemove(caller, path, "delete");
    if (recursive && inode.isPresent() && inode.get().isDirectory()) {
      checkSubtreeFullyAccessible(caller, path, inode.get());
    }
  }

  /** Moving: as deleting the source (without its subtree) and creating the destination. */
  public void checkRename(Caller caller, NamespacePath source, NamespacePath destination) {
    checkRemove(caller, source, "move");
    if (skip(caller)) {
      return;
    }
    Optional<Inode> target = onDemandSync.resolve(destination, LoadType.ONCE);
    checkCreate(
        caller,
        target.isPresent() && target.get().isDirectory()
            ? destination.child(source.name())
            : destination);
  }

  /** {@code chmod} takes the owner; {@code chown} a superuser, {@code chgrp} the owner. */
  public void checkSetAttributes(
      Caller caller, NamespacePath path, Integer mode, String owner, String group) {
    if (skip(caller)) {
      return;
    }
    Optional<Inode> inode = onDemandSync.resolve(path, LoadType.ONCE);
    checker.checkTraverse(caller, path, chain(path));
    if (inode.isEmpty()) {
      return; // the call reports that it does not exist
    }
    if (mode != null) {
      checker.checkOwner(caller, path, inode.get(), "change the mode of");
    }
    if (owner != null || group != null) {
      checker.checkChown(caller, path, inode.get(), owner, group);
    }
  }

  private Optional<Inode> checkRemove(Caller caller, NamespacePath path, String operation) {
    if (skip(caller)) {
      return Optional.empty();
    }
    Optional<Inode> inode = onDemandSync.resolve(path, LoadType.ONCE);
    List<Inode> chain = chain(path);
    checker.checkTraverse(caller, path, chain);
    if (inode.isEmpty() || path.isRoot()) {
      return inode; // the call reports that it does not exist, or refuses the root
    }
    checker.checkRemove(caller, path, chain.get(chain.size() - 2), inode.get(), operation);
    return inode;
  }

  private void checkSubtreeFullyAccessible(Caller caller, NamespacePath path, Inode top) {
    checkFullyAccessible(caller, path, top);
    CachedTreeWalk below = new CachedTreeWalk(pages, path, CachedTreeWalk.Descent.ALL);
    while (below.hasNext()) {
      CachedTreeWalk.Entry entry = below.next();
      if (entry.inode().isDirectory()) {
        checkFullyAccessible(caller, entry.path(), entry.inode());
      }
    }
  }

  private void checkFullyAccessible(Caller caller, NamespacePath path, Inode folder) {
    checker.check(caller, path, folder, Access.READ_EXECUTE);
    checker.check(caller, path, folder, Access.WRITE);
  }

  /** The inodes from the root down the path, as far as they are cached. */
  private List<Inode> chain(NamespacePath path) {
    List<Inode> chain = new ArrayList<>(path.depth() + 1);
    Inode current = tree.root();
    chain.add(current);
    for (String name : path.components()) {
      if (!current.isDirectory()) {
        break;
      }
      Optional<Inode> child = tree.child(current, name);
      if (child.isEmpty()) {
        break;
      }
      current = child.get();
      chain.add(current);
    }
    return chain;
  }

  private boolean skip(Caller caller) {
    return !checker.enabled() || caller.superuser();
  }
}
