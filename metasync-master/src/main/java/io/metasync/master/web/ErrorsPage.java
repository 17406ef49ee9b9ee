package io.metasync.master.web;

import java.util.ArrayList;
import java.util.List;

/** {@code /errors}: the last failed syncs and sync point troubles, the newest first. */
final class ErrorsPage {
  private static final List<String> HEADERS = List.of("When", "What", "Path", "Message");

  private final MasterView view;
  private final RecentErrors errors;

  ErrorsPage(MasterView view, RecentErrors errors) {
    this.view = view;
    this.errors = errors;
  }

  String render() {
    long nowMs = view.clock().millis();
    errors.noteTroubles(view.syncPoints().get(), nowMs);
    List<List<String>> rows = new ArrayList<>();
    for (RecentErrors.Event event : errors.newestFirst()) {
      rows.add(
          List.of(Html.time(event.atMs(), nowMs), event.source(), event.path(), event.message()));
    }
    String body =
        "<h2>Recent errors</h2>"
            + Html.table("errors", HEADERS, rows, "no errors seen since this master started")
            + "<p class=\"muted\">Failed syncs as they end; a sync point's feed or sync trouble"
            + " when a page or its live update reads the sync points. The last "
            + OperatorPages.RECENT_ERRORS
            + " are kept; the master's log has every one.</p>";
    return Html.page("/errors", body, "");
  }
}
