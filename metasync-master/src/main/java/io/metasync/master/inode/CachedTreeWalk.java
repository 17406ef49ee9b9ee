package io.metasync.master.inode;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The one walk over cached folders: every cached entry below a folder, depth-first in pre-order (an
 * entry, then what is below it), descending only into the folders the {@link Descent} accepts.
 * Reads each folder through {@link FolderPages}, so memory is one page per level of the tree,
 * however wide its folders are; like an HDFS listing, the walk is consistent per page, not as a
 * whole. Mount points are walked like any other folder.
 */
public final class CachedTreeWalk implements Iterator<CachedTreeWalk.Entry> {
  /**
   * One cached entry, its path, and its folder's path: the same object for every child of a folder,
   * so a caller can tell cheaply when the walk moved to another folder.
   */
  public record Entry(NamespacePath folder, NamespacePath path, Inode inode) {
    public Entry {
      requireNonNull(folder, "folder is null");
      requireNonNull(path, "path is null");
      requireNonNull(inode, "inode is null");
    }
  }

  /** Which folders a walk goes into, and what it does on the way in. */
  public interface Descent {
    /** Only the top folder's own children. */
    Descent NONE = (path, folder) -> false;

    /** Every cached folder. */
    Descent ALL = (path, folder) -> true;

    /** Whether the walk lists the children of {@code folder} (a child folder met on the way). */
    boolean into(NamespacePath path, Inode folder);

    /**
     * Called before the first children of a folder are read (the top folder's too): for instance to
     * load a folder whose children were never loaded.
     */
    default void entering(NamespacePath path) {}
  }

  private final FolderPages pages;
  private final Descent descent;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private Entry next;

  /** A folder being walked: its current page, and the last name read. */
  private static final class Frame {
    final NamespacePath path;
    Iterator<Inode> page;
    String lastName = "";
    boolean exhausted;

    Frame(NamespacePath path) {
      this.path = path;
    }
  }

  /** Walks the entries below {@code top} (not {@code top} itself). */
  public CachedTreeWalk(FolderPages pages, NamespacePath top, Descent descent) {
    this.pages = requireNonNull(pages, "pages is null");
    this.descent = requireNonNull(descent, "descent is null");
    frames.push(new Frame(requireNonNull(top, "top is null")));
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Entry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Entry entry = next;
    next = null;
    return entry;
  }

  private Entry advance() {
    while (!frames.isEmpty()) {
      Frame frame = frames.peek();
      if (frame.page == null || (!frame.page.hasNext() && !frame.exhausted)) {
        if (frame.page == null) {
          descent.entering(frame.path);
        }
        var children = pages.after(frame.path, frame.lastName);
        frame.exhausted = children.size() < pages.pageSize();
        frame.page = children.iterator();
      }
      if (!frame.page.hasNext()) {
        frames.pop();
        continue;
      }
      Inode child = frame.page.next();
      frame.lastName = child.name();
      NamespacePath childPath = frame.path.child(child.name());
      if (child.isDirectory() && descent.into(childPath, child)) {
        frames.push(new Frame(childPath));
      }
      return new Entry(frame.path, childPath, child);
    }
    return null;
  }
}
