package io.metasync.master.inode;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The cached children of one folder in name order, read a page at a time and resumed by name, so a
 * merge can change the folder while walking it.
 */
public final class CachedChildren implements Iterator<Inode> {
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

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = fetch();
    }
    return next != null;
  }

  @Override
  public Inode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Inode taken = next;
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
