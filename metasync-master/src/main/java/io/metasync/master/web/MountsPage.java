package io.metasync.master.web;

import io.metasync.master.metrics.UfsCallMetrics.UfsCallCount;
import io.metasync.master.mount.MountPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /mounts}: each mount's UFS, its options with secrets masked (as {@code mountTable} shows
 * them), the syncs under it since the master started and its UFS's error rate from the metrics.
 */
final class MountsPage {
  private static final List<String> HEADERS =
      List.of(
          "Path",
          "UFS",
          "Read-only",
          "Shared",
          "Options",
          "Syncs",
          "Entries listed",
          "Last sync",
          "UFS calls",
          "UFS errors");

  private final MasterView view;
  private final SyncHistory history;

  MountsPage(MasterView view, SyncHistory history) {
    this.view = view;
    this.history = history;
  }

  String render() {
    long nowMs = view.clock().millis();
    List<List<String>> rows = new ArrayList<>();
    for (MountPoint mount : view.mounts().list()) {
      SyncHistory.MountSyncs syncs = history.mountSyncs(mount.path());
      UfsCallCount calls = view.metrics().ufsCalls(mount.ufs().rootUri());
      rows.add(
          List.of(
              mount.path().toString(),
              mount.ufsUri().toString(),
              yesNo(mount.options().readOnly()),
              yesNo(mount.options().shared()),
              options(mount.options().displayedProperties()),
              String.valueOf(syncs.syncs()),
              String.valueOf(syncs.entriesListed()),
              Html.time(syncs.lastSyncMs(), nowMs),
              String.valueOf(calls.calls()),
              errorRate(calls)));
    }
    String body =
        "<h2>Mounts</h2>"
            + Html.table("mounts", HEADERS, rows, "no mounts")
            + "<p class=\"muted\">Syncs, entries listed and last sync count the successful syncs"
            + " under each mount since this master started; UFS calls and errors are those of"
            + " metasync_ufs_calls_total and metasync_ufs_errors_total.</p>";
    return Html.page("/mounts", body, "");
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String options(Map<String, String> shown) {
    if (shown.isEmpty()) {
      return "none";
    }
    return shown.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String errorRate(UfsCallCount calls) {
    if (calls.calls() == 0) {
      return "0";
    }
    return String.format(
        Locale.ROOT, "%d (%.1f%%)", calls.errors(), 100.0 * calls.errors() / calls.calls());
  }
}
