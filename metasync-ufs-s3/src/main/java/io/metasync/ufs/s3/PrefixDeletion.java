package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Deletes every key under a folder's prefix with batched DeleteObjects, a page of keys at a time,
 * and counts the entries (files and folders, the folder itself included) that each batch removed.
 * Not atomic: a failure half-way leaves the rest, and a retry deletes it.
 *
 * <p>Memory: one page of keys, and the names of the folders seen (a folder without a marker is
 * counted from the keys inside it, which S3 does not list together).
 */
final class PrefixDeletion {
  private final S3Objects objects;

  PrefixDeletion(S3Objects objects) {
    this.objects = requireNonNull(objects, "objects is null");
  }

  void delete(String prefix, LongConsumer deletedEntries) throws IOException {
    Set<String> folders = new HashSet<>();
    folders.add("");
    long pendingCount = 1; // the folder itself
    while (true) {
      // From the start each time: what was deleted is gone, so no continuation token is needed.
      List<String> keys = objects.keysUnder(prefix, S3Objects.MAX_DELETE_BATCH);
      if (keys.isEmpty()) {
        break;
      }
      objects.delete(keys);
      long deleted = pendingCount;
      pendingCount = 0;
      for (String key : keys) {
        String relative = key.substring(prefix.length());
        for (int slash = relative.indexOf('/');
            slash >= 0;
            slash = relative.indexOf('/', slash + 1)) {
          if (folders.add(relative.substring(0, slash))) {
            deleted++;
          }
        }
        if (!relative.isEmpty() && !relative.endsWith("/")) {
          deleted++;
        }
      }
      deletedEntries.accept(deleted);
    }
    if (pendingCount > 0) {
      deletedEntries.accept(pendingCount);
    }
  }
}
