package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.master.inode.Inode;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.Iterator;

/**
 * Walks a folder's UFS listing and its cached children side by side, both sorted by name ({@link
 * String#compareTo}), and hands each name out once as a pair: in the UFS only, in both, or cached
 * only. Memory is one entry of each side, however wide the folder. What a pair means (a change to
 * journal, a difference to report, a mount point to leave alone) is the {@link Pairs}' business.
 */
public final class ListingMerge {
  private ListingMerge() {}

  /** What to do with each name of the merge, in name order. */
  public interface Pairs {
    /** A UFS entry with no cached child of that name. */
    void ufsOnly(UfsStatus inUfs);

    /** A UFS entry and the cached child of the same name. */
    void both(UfsStatus inUfs, Inode cached);

    /** A cached child with no UFS entry of that name. */
    void cachedOnly(Inode cached);
  }

  /**
   * Merges {@code listing} with {@code cached}, calling {@code pairs} once per name in name order.
   * The cached children are read only as far as the merge has come, so a visitor may change the
   * folder's names already passed.
   *
   * @throws IOException when the listing fails; the pairs handed out so far stay handed out
   */
  public static void merge(UfsListing listing, Iterator<Inode> cached, Pairs pairs)
      throws IOException {
    requireNonNull(listing, "listing is null");
    requireNonNull(cached, "cached is null");
    requireNonNull(pairs, "pairs is null");
    Inode nextCached = cached.hasNext() ? cached.next() : null;
    while (listing.hasNext()) {
      UfsStatus inUfs = listing.next();
      int order;
      while (nextCached != null && (order = nextCached.name().compareTo(inUfs.name())) <= 0) {
        Inode child = nextCached;
        nextCached = cached.hasNext() ? cached.next() : null;
        if (order == 0) {
          pairs.both(inUfs, child);
          inUfs = null;
          break;
        }
        pairs.cachedOnly(child);
      }
      if (inUfs != null) {
        pairs.ufsOnly(inUfs);
      }
    }
    while (nextCached != null) {
      Inode child = nextCached;
      nextCached = cached.hasNext() ? cached.next() : null;
      pairs.cachedOnly(child);
    }
  }
}
