package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.Iterator;
import java.util.List;

/**
 * The subfolders of one synced folder that a recursive sync has yet to visit: the mount points
 * right below it, the child folders its merge remembered, then, when there were more, the rest read
 * from the cache a page at a time. Memory is one page, however many subfolders there are.
 */
final class FolderCursor {
  private final NamespacePath folder;
  private final Iterator<NamespacePath> mounts;
  private Iterator<String> names;
  private String scanAfter;

  FolderCursor(NamespacePath folder, List<NamespacePath> mounts, ChildFolders children) {
    this.folder = requireNonNull(folder, "folder is null");
    this.mounts = List.copyOf(mounts).iterator();
    this.names = children.first().iterator();
    this.scanAfter = children.moreAfter();
  }

  /**
   * The next subfolder to visit, or null when there is none left.
   *
   * @param pageSize how many children to read from the cache at a time
   */
  NamespacePath next(PathSyncer syncer, int pageSize) {
    if (mounts.hasNext()) {
      return mounts.next();
    }
    while (!names.hasNext() && scanAfter != null) {
      PathSyncer.FolderPage page = syncer.cachedChildFolders(folder, scanAfter, pageSize);
      names = page.folders().iterator();
      scanAfter = page.lastScanned();
    }
    return names.hasNext() ? folder.child(names.next()) : null;
  }
}
