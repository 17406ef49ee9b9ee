package io.metasync.master.web;

import io.metasync.common.CauseChain;
import io.metasync.master.activesync.SyncPointState;
import io.metasync.master.activesync.SyncPointStatus;
import io.metasync.master.sync.SyncStats;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /syncs}: the syncs running now, with the entries listed so far where active sync reports
 * them, and the last finished ones with what each listed and changed.
 */
final class SyncsPage {
  private static final List<String> RUNNING =
      List.of("Path", "Depth", "Trigger", "Started", "Running for", "Entries listed so far");
  private static final List<String> RECENT =
      List.of(
          "Path",
          "Depth",
          "Trigger",
          "Finished",
          "Duration",
          "Listed",
          "Added",
          "Updated",
          "Removed",
          "UFS calls",
          "Result");

  private final MasterView view;
  private final SyncHistory history;

  SyncsPage(MasterView view, SyncHistory history) {
    this.view = view;
    this.history = history;
  }

  String render() {
    long nowMs = view.clock().millis();
    List<SyncPointStatus> points = view.syncPoints().get();
    List<List<String>> running = new ArrayList<>();
    for (SyncHistory.Running sync : history.running()) {
      running.add(
          List.of(
              sync.path().toString(),
              Html.label(sync.depth()),
              Html.label(sync.trigger()),
              Html.instant(sync.startedMs()),
              Html.duration(nowMs - sync.startedMs()),
              listedSoFar(sync, points)));
    }
    List<List<String>> recent = new ArrayList<>();
    for (SyncHistory.Finished finished : history.recent()) {
      SyncStats.Counts counts = finished.outcome().counts();
      recent.add(
          List.of(
              finished.outcome().path().toString(),
              Html.label(finished.outcome().depth()),
              Html.label(finished.outcome().trigger()),
              Html.time(finished.finishedMs(), nowMs),
              Html.duration(finished.outcome().durationMs()),
              String.valueOf(counts.listed()),
              String.valueOf(counts.added()),
              String.valueOf(counts.updated()),
              String.valueOf(counts.removed()),
              String.valueOf(counts.ufsCalls()),
              finished.outcome().failed()
                  ? "failed: " + CauseChain.describe(finished.outcome().error())
                  : "ok"));
    }
    String body =
        "<h2>Running syncs</h2>"
            + Html.table("running-syncs", RUNNING, running, "no sync is running")
            + "<h2>Recent syncs</h2>"
            + Html.table("recent-syncs", RECENT, recent, "no sync has finished yet")
            + "<p class=\"muted\">The newest first; the last "
            + OperatorPages.RECENT_SYNCS
            + " are kept. This page reloads itself every 5 seconds.</p>";
    // The running list changes too fast and too briefly for a diff to be worth a script.
    return Html.page("/syncs", body, "setTimeout(function(){location.reload();},5000);");
  }

  /** A sync point's running sync reports its listing's progress; an on-demand sync does not. */
  private static String listedSoFar(SyncHistory.Running sync, List<SyncPointStatus> points) {
    for (SyncPointStatus point : points) {
      if (point.path().equals(sync.path())
          && (point.state() == SyncPointState.SYNCING
              || point.state() == SyncPointState.INITIAL_SYNC)) {
        return String.valueOf(point.listedEntries());
      }
    }
    return "not reported";
  }
}
