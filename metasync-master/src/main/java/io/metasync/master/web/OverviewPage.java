package io.metasync.master.web;

import io.metasync.master.mount.MountPoint;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /}: what this master is, how long it has run, how big its cache is, and its mounts. */
final class OverviewPage {
  private static final long MIB = 1024 * 1024;

  private final MasterView view;
  private final SyncHistory history;
  private final long startedMs;

  OverviewPage(MasterView view, SyncHistory history, long startedMs) {
    this.view = view;
    this.history = history;
    this.startedMs = startedMs;
  }

  /** The version in the master jar's manifest; a master run from the build's classes has none. */
  static String version() {
    String version = OverviewPage.class.getPackage().getImplementationVersion();
    return version == null ? "unknown (not run from a jar)" : version;
  }

  String render() {
    long nowMs = view.clock().millis();
    MasterRoleView role = view.role();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Version", version());
    facts.put("Started", Html.time(startedMs, nowMs));
    facts.put("Uptime", Html.duration(nowMs - startedMs));
    facts.put("Role", role.role());
    facts.put("Term", role.term() == 0 ? "none (no elections)" : String.valueOf(role.term()));
    facts.put("Leader", role.leaderAddress().isEmpty() ? "unknown" : role.leaderAddress());
    facts.put("Journal applied index", String.valueOf(role.appliedIndex()));
    facts.put("Cached inodes", String.valueOf(view.inodeCount().getAsLong()));
    facts.put("Mounts", String.valueOf(view.mounts().list().size()));
    facts.put("Sync points", String.valueOf(view.syncPoints().get().size()));
    facts.put("Syncs running", String.valueOf(history.running().size()));
    facts.put(
        "Heap",
        heap.getUsed() / MIB
            + " MiB used of "
            + (heap.getMax() < 0 ? heap.getCommitted() : heap.getMax()) / MIB
            + " MiB");
    StringBuilder body = new StringBuilder("<h2>Overview</h2><dl class=\"facts\" id=\"overview\">");
    facts.forEach(
        (name, value) ->
            body.append("<dt>")
                .append(Html.escape(name))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>"));
    body.append("</dl><h2>Mount table</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (MountPoint mount : view.mounts().list()) {
      rows.add(List.of(mount.path().toString(), mount.ufsUri().toString()));
    }
    body.append(Html.table("mount-summary", List.of("Path", "UFS"), rows, "no mounts"))
        .append("<p><a href=\"/mounts\">Mount details</a></p>");
    return Html.page("/", body.toString(), "");
  }
}
