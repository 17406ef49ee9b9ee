package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The events a feed gathered since its previous batch, in the order they happened, and the cursor
 * just after them.
 *
 * @param eventsLost true when the feed knows it missed events since the previous batch (an
 *     overflow, a purged edit log, a restart it could not resume from): every watched path must
 *     then be synced whole, because {@code events} alone cannot be trusted to name every change
 */
public record ChangeBatch(List<ChangeEvent> events, boolean eventsLost, FeedCursor cursor) {
  public ChangeBatch {
    events = List.copyOf(requireNonNull(events, "events is null"));
    requireNonNull(cursor, "cursor is null");
  }
}
