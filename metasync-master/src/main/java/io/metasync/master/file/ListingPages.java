package io.metasync.master.file;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.CachedTreeWalk;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.SyncStats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * A folder's listing as pages, read lazily from the cache by a {@link CachedTreeWalk}, so a folder
 * of millions of entries streams in bounded memory. Recursive listings go depth-first in pre-order
 * (an entry, then what is below it) and load folders whose children were never loaded, per the load
 * type. Like an HDFS listing, a listing is consistent per page, not as a whole.
 */
final class ListingPages implements Iterator<List<PathStatus>> {
  private final StatusFactory statuses;
  private final CachedTreeWalk entries;
  private final int pageSize;
  private StatusFactory.Children folder;
  private List<PathStatus> next;

  /**
   * How a listing walks: the load type of never-loaded folders, whether it descends, and into which
   * folders (the ones the caller may list).
   */
  record Walk(LoadType loadType, boolean recursive, Predicate<Inode> mayDescend) {}

  ListingPages(
      InodeTree tree,
      FolderPages pages,
      OnDemandSync onDemandSync,
      StatusFactory statuses,
      NamespacePath directory,
      Walk walk) {
    this.statuses = statuses;
    this.pageSize = pages.pageSize();
    this.entries = new CachedTreeWalk(pages, directory, new Loading(tree, onDemandSync, walk));
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
    // Resolved again for each page: a mount or a sync between pages shows in the next one.
    folder = null;
    List<PathStatus> page = new ArrayList<>();
    while (page.size() < pageSize && entries.hasNext()) {
      CachedTreeWalk.Entry entry = entries.next();
      if (folder == null || folder.folder() != entry.folder()) {
        folder = statuses.childrenOf(entry.folder());
      }
      page.add(folder.of(entry.path(), entry.inode()));
    }
    return page;
  }

  /** Descends as the listing asks, loading each folder's children before they are listed. */
  private record Loading(InodeTree tree, OnDemandSync onDemandSync, Walk walk)
      implements CachedTreeWalk.Descent {
    @Override
    public boolean into(NamespacePath path, Inode folder) {
      return walk.recursive() && walk.mayDescend().test(folder);
    }

    /**
     * A recursive listing that meets a never-loaded folder loads its whole never-loaded subtree at
     * once, in parallel, rather than one folder at a time as it walks down.
     */
    @Override
    public void entering(NamespacePath path) {
      tree.lookup(path)
          .ifPresent(
              folder -> {
                if (!walk.recursive()) {
                  onDemandSync.ensureChildrenLoaded(path, folder, walk.loadType());
                } else if (folder.isDirectory() && !folder.childrenLoaded()) {
                  onDemandSync.loadSubtree(
                      path, walk.loadType(), walk.mayDescend(), new SyncStats());
                }
              });
    }
  }
}
