package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One S3 folder's listing as S3 returns it: pages of entries in S3's order (by the UTF-8 bytes of
 * each key, a folder being its common prefix {@code name/}), continued by a token.
 */
interface FolderPages {
  /**
   * One page, the first when {@code continuationToken} is null.
   *
   * @throws IOException when S3 fails
   */
  Page page(String continuationToken) throws IOException;

  /**
   * The folder {@code name} in this folder, if any key starts with its prefix {@code name/}.
   *
   * @throws IOException when S3 fails
   */
  Optional<UfsStatus> folder(String name) throws IOException;

  /**
   * @param entries files and folders in S3's order
   * @param holdsMarker whether the page held the folder's own zero-byte marker {@code prefix/}
   * @param nextToken where the next page starts; null after the last page
   */
  record Page(List<UfsStatus> entries, boolean holdsMarker, String nextToken) {
    public Page {
      entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }
  }
}
