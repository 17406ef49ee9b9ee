package io.metasync.master.file;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.SyncStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * A folder's listing as pages, read lazily from the cache: one page per call, a read lock per page,
 * resumed by name, so a folder of millions of entries streams in bounded memory. Recursive listings
 * walk depth-first in pre-order (an entry, then what is below it) and load folders whose children
 * were never loaded, per the load type. Like an HDFS listing, a listing is consistent per page, not
 * as a whole.
 */
final class ListingPages implements Iterator<List<PathStatus>> {
  private final InodeTree tree;
  private final PathLockManager locks;
  private final OnDemandSync onDemandSync;
  private final StatusFactory statuses;
  private final Walk walk;
  private final int pageSize;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private List<PathStatus> next;

  private static final class Frame {
    final NamespacePath path;
    String lastName = "";
    boolean loaded;

    Frame(NamespacePath path) {
      this.path = path;
    }
  }

  /**
   * How a listing walks: the load type of never-loaded folders, whether it descends, and into which
   * folders (the ones the caller may list).
   */
  record Walk(LoadType loadType, boolean recursive, Predicate<Inode> mayDescend) {}

  ListingPages(
      InodeTree tree,
      PathLockManager locks,
      OnDemandSync onDemandSync,
      StatusFactory statuses,
      NamespacePath directory,
      Walk walk,
      int pageSize) {
    this.tree = tree;
    this.locks = locks;
    this.onDemandSync = onDemandSync;
    this.statuses = statuses;
    this.walk = walk;
    this.pageSize = pageSize;
    frames.push(new Frame(directory));
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = fill();
    }
    return !next.isEmpty();
  }

  @Override
  public List<PathStatus> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<PathStatus> page = next;
    next = null;
    return page;
  }

  private List<PathStatus> fill() {
    List<PathStatus> page = new ArrayList<>();
    while (page.size() < pageSize && !frames.isEmpty()) {
      Frame frame = frames.peek();
      if (!frame.loaded) {
        frame.loaded = true;
        tree.lookup(frame.path).ifPresent(inode -> loadIfNeverLoaded(frame.path, inode));
      }
      Frame descend = readInto(frame, page);
      if (descend != null) {
        frames.push(descend);
      }
    }
    return page;
  }

  /**
   * A recursive listing that meets a never-loaded folder loads its whole never-loaded subtree at
   * once, in parallel, rather than one folder at a time as it walks down.
   */
  private void loadIfNeverLoaded(NamespacePath path, Inode folder) {
    if (!walk.recursive()) {
      onDemandSync.ensureChildrenLoaded(path, folder, walk.loadType());
    } else if (folder.isDirectory() && !folder.childrenLoaded()) {
      onDemandSync.loadSubtree(path, walk.loadType(), walk.mayDescend(), new SyncStats());
    }
  }

  /** Adds the frame's next children to the page; returns a child folder to descend into, if any. */
  private Frame readInto(Frame frame, List<PathStatus> page) {
    try (LockedPaths ignored = locks.lock(frame.path, LockMode.READ)) {
      Inode directory = tree.lookup(frame.path).orElse(null);
      if (directory == null || !directory.isDirectory()) {
        frames.pop();
        return null;
      }
      List<Inode> children = tree.children(directory, frame.lastName, pageSize - page.size());
      if (children.isEmpty()) {
        frames.pop();
        return null;
      }
      for (Inode child : children) {
        NamespacePath childPath = frame.path.child(child.name());
        page.add(statuses.of(childPath, child));
        frame.lastName = child.name();
        if (walk.recursive() && child.isDirectory() && walk.mayDescend().test(child)) {
          return new Frame(childPath);
        }
      }
      return null;
    }
  }
}
