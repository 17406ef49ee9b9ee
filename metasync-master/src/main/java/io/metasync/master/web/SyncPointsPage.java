package io.metasync.master.web;

import io.metasync.master.activesync.SyncPointStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sync-points}: each sync point's freshness, and {@code /api/sync-points}, the same rows as
 * JSON, which the page's script fetches every two seconds to redraw the table without a reload. The
 * server formats every cell, so the script only places text (never markup).
 */
final class SyncPointsPage {
  static final String JSON_PATH = "/api/sync-points";

  private static final List<String> HEADERS =
      List.of(
          "Path",
          "State",
          "Pending changes",
          "Staleness",
          "Feed lag",
          "Activity",
          "Age",
          "Last sync",
          "Entries listed",
          "Trouble");
  private static final int STATE = 1;

  /** Redraws the table's body from the JSON; on a failed fetch it says so and keeps trying. */
  private static final String SCRIPT =
      """
      (function(){
      var headers=%s;
      function cell(row,text,i,failing){var td=document.createElement('td');
      td.setAttribute('data-label',headers[i]);td.textContent=text;
      if(failing&&i==%d)td.className='failing';row.appendChild(td);}
      function draw(data){var body=document.querySelector('#sync-points tbody');
      var fresh=document.createElement('tbody');
      if(data.rows.length==0){var tr=document.createElement('tr');var td=document.createElement('td');
      td.colSpan=headers.length;td.className='muted';td.textContent='no sync points';
      tr.appendChild(td);fresh.appendChild(tr);}
      data.rows.forEach(function(r){var tr=document.createElement('tr');
      r.cells.forEach(function(t,i){cell(tr,t,i,r.failing);});fresh.appendChild(tr);});
      body.parentNode.replaceChild(fresh,body);
      document.getElementById('updated').textContent='Updated '+data.updated;}
      function poll(){fetch('%s',{cache:'no-store'}).then(function(r){
      if(!r.ok)throw new Error('HTTP '+r.status);return r.json();}).then(draw).catch(function(e){
      document.getElementById('updated').textContent='Live update failed: '+e.message+
      '; retrying';});}
      setInterval(poll,2000);
      })();
      """;

  private final MasterView view;
  private final RecentErrors errors;

  SyncPointsPage(MasterView view, RecentErrors errors) {
    this.view = view;
    this.errors = errors;
  }

  private record Row(List<String> cells, boolean failing) {}

  private List<Row> rows(long nowMs) {
    List<SyncPointStatus> points = view.syncPoints().get();
    errors.noteTroubles(points, nowMs);
    List<Row> rows = new ArrayList<>();
    for (SyncPointStatus point : points) {
      rows.add(
          new Row(
              List.of(
                  point.path().toString(),
                  Html.label(point.state()),
                  point.pendingChanges() < 0
                      ? "whole sync point"
                      : String.valueOf(point.pendingChanges()),
                  point.oldestUnappliedMs() == 0
                      ? "none"
                      : Html.duration(nowMs - point.oldestUnappliedMs()),
                  point.feedAnsweredMs() == 0
                      ? "not answered yet"
                      : Html.duration(nowMs - point.feedAnsweredMs()),
                  String.valueOf(point.activity()),
                  point.age() + (point.age() == 1 ? " interval" : " intervals"),
                  Html.time(point.lastSyncMs(), nowMs),
                  String.valueOf(point.listedEntries()),
                  point.trouble() == null ? "" : point.trouble().cause()),
              point.trouble() != null));
    }
    return rows;
  }

  String render() {
    long nowMs = view.clock().millis();
    List<Row> rows = rows(nowMs);
    StringBuilder html =
        new StringBuilder("<h2>Sync points</h2><p id=\"updated\" class=\"muted\">Updated ")
            .append(Html.escape(Html.instant(nowMs)))
            .append("</p>");
    String table =
        Html.table(
            "sync-points", HEADERS, rows.stream().map(Row::cells).toList(), "no sync points");
    html.append(table)
        .append(
            "<p class=\"muted\">Staleness: age of the oldest change not yet applied (what a"
                + " reader with interval -1 may miss). Feed lag: time since the change feed last"
                + " answered. Age: intervals the pending changes have waited for a quiet one.</p>");
    StringBuilder headers = new StringBuilder("[");
    for (String header : HEADERS) {
      headers.append(headers.length() > 1 ? "," : "").append(Json.string(header));
    }
    String script = SCRIPT.formatted(headers.append(']'), STATE, JSON_PATH);
    return Html.page("/sync-points", html.toString(), script);
  }

  /** {@code {"updated": "...", "rows": [{"cells": [...], "failing": false}, ...]}} */
  String json() {
    long nowMs = view.clock().millis();
    StringBuilder json =
        new StringBuilder("{\"updated\":").append(Json.string(Html.instant(nowMs)));
    json.append(",\"rows\":[");
    List<Row> rows = rows(nowMs);
    for (int i = 0; i < rows.size(); i++) {
      json.append(i == 0 ? "{\"cells\":[" : ",{\"cells\":[");
      List<String> cells = rows.get(i).cells();
      for (int j = 0; j < cells.size(); j++) {
        json.append(j == 0 ? "" : ",").append(Json.string(cells.get(j)));
      }
      json.append("],\"failing\":").append(rows.get(i).failing()).append('}');
    }
    return json.append("]}").toString();
  }
}
