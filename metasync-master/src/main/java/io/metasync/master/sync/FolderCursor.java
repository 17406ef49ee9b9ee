package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.Iterator;

/**
 * The subfolders of one synced or loaded folder that a recursive walk has yet to visit, mount
 * points included: the child folders its merge remembered, then, when there were more (or when the
 * folder was loaded before and not listed), the rest read from the cache a page at a time. Memory
 * is one page, however many subfolders there are.
 */
final class FolderCursor {
  private final NamespacePath folder;
  private final SyncStats stats;
  private final boolean countScanned;
  private Iterator<String> names;
  private String scanAfter;

  /**
   * @param stats where the entries of a folder whose children are all read from the cache ({@link
   *     ChildFolders#ALL_CACHED}) are counted as loaded
   */
  FolderCursor(NamespacePath folder, ChildFolders children, SyncStats stats) {
    this.folder = requireNonNull(folder, "folder is null");
    this.names = children.first().iterator();
    this.scanAfter = children.moreAfter();
    this.stats = requireNonNull(stats, "stats is null");
    this.countScanned = children == ChildFolders.ALL_CACHED;
  }

  /** The next subfolder to visit, or null when there is none left. */
  NamespacePath next(PathSyncer syncer) {
    while (!names.hasNext() && scanAfter != null) {
      PathSyncer.FolderPage page = syncer.cachedChildFolders(folder, scanAfter);
      names = page.folders().iterator();
      scanAfter = page.lastScanned();
      if (countScanned) {
        page.scanned().forEach(child -> stats.entryLoaded(child.isDirectory()));
      }
    }
    return names.hasNext() ? folder.child(names.next()) : null;
  }
}
