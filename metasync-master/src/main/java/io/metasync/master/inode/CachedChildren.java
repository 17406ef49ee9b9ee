package io.metasync.master.inode;

import java.util.Iterator;
import java.util.List;

/**
 * The cached children of one folder in name order, read a page at a time and resumed by name, so a
 * merge can change the folder while walking it.
 */
public final class CachedChildren {
  private final InodeTree tree;
  private final Inode directory;
  private final int pageSize;
  private Iterator<Inode> page = List.<Inode>of().iterator();
  private String lastName = "";
  private boolean exhausted;
  private Inode next;

  public CachedChildren(InodeTree tree, Inode directory, int pageSize) {
    this.tree = tree;
    this.directory = directory;
    this.pageSize = pageSize;
  }

  /** The next child without consuming it, or null at the end. */
  public Inode peek() {
    if (next == null) {
      next = fetch();
    }
    return next;
  }

  public Inode take() {
    Inode taken = peek();
    next = null;
    return taken;
  }

  private Inode fetch() {
    if (!page.hasNext() && !exhausted) {
      List<Inode> children = tree.children(directory, lastName, pageSize);
      exhausted = children.size() < pageSize;
      page = children.iterator();
    }
    if (!page.hasNext()) {
      return null;
    }
    Inode child = page.next();
    lastName = child.name();
    return child;
  }
}
