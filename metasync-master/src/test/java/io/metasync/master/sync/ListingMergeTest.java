package io.metasync.master.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import io.metasync.master.inode.Inode;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one sorted merge of a UFS listing with cached children, on plain lists. */
class ListingMergeTest {
  /** The pairs handed out, as "ufs:NAME", "both:NAME" or "cached:NAME". */
  private final List<String> pairs = new ArrayList<>();

  private final ListingMerge.Pairs recorder =
      new ListingMerge.Pairs() {
        @Override
        public void ufsOnly(UfsStatus inUfs) {
          pairs.add("ufs:" + inUfs.name());
        }

        @Override
        public void both(UfsStatus inUfs, Inode cached) {
          assertThat(cached.name()).isEqualTo(inUfs.name());
          pairs.add("both:" + inUfs.name());
        }

        @Override
        public void cachedOnly(Inode cached) {
          pairs.add("cached:" + cached.name());
        }
      };

  @Test
  void pairsEachNameOnceInNameOrder() throws IOException {
    ListingMerge.merge(
        listing("a", "c", "d", "f"), cached("b", "c", "e", "f", "g").iterator(), recorder);

    assertThat(pairs)
        .containsExactly("ufs:a", "cached:b", "both:c", "ufs:d", "cached:e", "both:f", "cached:g");
  }

  @Test
  void anEmptySideMakesEveryEntryOneSided() throws IOException {
    ListingMerge.merge(listing("a", "b"), cached().iterator(), recorder);
    ListingMerge.merge(listing(), cached("x", "y").iterator(), recorder);

    assertThat(pairs).containsExactly("ufs:a", "ufs:b", "cached:x", "cached:y");
  }

  @Test
  void namesCompareAsJavaStringsDo() throws IOException {
    // U+FF71 sorts after a supplementary character's surrogates in UTF-16, before it in UTF-8
    String emoji = "\uD83D\uDE00";
    String halfwidth = "\uFF71";

    ListingMerge.merge(listing(emoji, halfwidth), cached(emoji, halfwidth).iterator(), recorder);

    assertThat(pairs).containsExactly("both:" + emoji, "both:" + halfwidth);
  }

  @Test
  void readsTheCachedChildrenOnlyAsFarAsTheListingCame() throws IOException {
    List<Inode> children = cached("b", "d");
    List<String> readWhenHandedOut = new ArrayList<>();
    CountingIterator counted = new CountingIterator(children.iterator());

    ListingMerge.merge(
        listing("a", "b", "c", "d"),
        counted,
        new ListingMerge.Pairs() {
          @Override
          public void ufsOnly(UfsStatus inUfs) {
            readWhenHandedOut.add(inUfs.name() + "@" + counted.read);
          }

          @Override
          public void both(UfsStatus inUfs, Inode cached) {
            readWhenHandedOut.add(inUfs.name() + "@" + counted.read);
          }

          @Override
          public void cachedOnly(Inode cached) {
            readWhenHandedOut.add(cached.name() + "@" + counted.read);
          }
        });

    // one child read ahead at most: a change to a name handed out is never read back
    assertThat(readWhenHandedOut).containsExactly("a@1", "b@2", "c@2", "d@2");
  }

  @Test
  void aFailingListingStopsTheMergeWithItsError() {
    UfsListing failing =
        new UfsListing() {
          private int served;

          @Override
          public boolean hasNext() throws IOException {
            if (served == 1) {
              throw new IOException("the UFS went away");
            }
            return true;
          }

          @Override
          public UfsStatus next() {
            served++;
            return status("a");
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> ListingMerge.merge(failing, cached("a", "b").iterator(), recorder))
        .isInstanceOf(IOException.class)
        .hasMessage("the UFS went away");
    // the cached-only "b" is never taken for removed when the listing did not end
    assertThat(pairs).containsExactly("both:a");
  }

  private static UfsListing listing(String... names) {
    Iterator<String> remaining = List.of(names).iterator();
    return new UfsListing() {
      @Override
      public boolean hasNext() {
        return remaining.hasNext();
      }

      @Override
      public UfsStatus next() {
        return status(remaining.next());
      }

      @Override
      public void close() {}
    };
  }

  private static final Fingerprint FILE =
      new Fingerprint(FileType.FILE, 1, 1000, "owner", "group", 0644, "");

  private static UfsStatus status(String name) {
    return new UfsStatus(name, FILE);
  }

  private static List<Inode> cached(String... names) {
    List<Inode> inodes = new ArrayList<>();
    long id = 10;
    for (String name : names) {
      inodes.add(new Inode(id++, 2, name, FILE, false));
    }
    return inodes;
  }

  private static final class CountingIterator implements Iterator<Inode> {
    private final Iterator<Inode> delegate;
    int read;

    CountingIterator(Iterator<Inode> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public Inode next() {
      read++;
      return delegate.next();
    }
  }
}
