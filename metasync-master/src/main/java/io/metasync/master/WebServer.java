package io.metasync.master;

import com.sun.net.httpserver.HttpServer;
import io.metasync.common.PropertyKey;
import io.metasync.master.mount.MountPoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The master's read-only web face: {@code /} shows the mount table, {@code /metrics} a few gauges
 * in the Prometheus text format; any other path is 404 (see {@link PageRouter}). Nothing here
 * changes state.
 */
final class WebServer {
  private final HttpServer server;

  private WebServer(HttpServer server) {
    this.server = server;
  }

  static WebServer start(String host, int port, Namespace namespace, Clock clock) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw MasterProcess.portError(host, port, PropertyKey.MASTER_WEB_PORT, e);
    }
    long startedMs = clock.millis();
    server.createContext(
        "/",
        new PageRouter(
            Map.of(
                "/",
                new PageRouter.Page("text/html; charset=utf-8", () -> page(namespace, startedMs)),
                "/metrics",
                new PageRouter.Page(
                    "text/plain; version=0.0.4", () -> metrics(namespace, clock, startedMs)))));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "metasync-web");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return new WebServer(server);
  }

  private static String metrics(Namespace namespace, Clock clock, long startedMs) {
    return "# HELP metasync_inodes Cached inodes.\n# TYPE metasync_inodes gauge\nmetasync_inodes "
        + namespace.inodeCount()
        + "\n# HELP metasync_mounts Mount points, / included.\n# TYPE metasync_mounts gauge\nmetasync_mounts "
        + namespace.mountTable().list().size()
        + "\n# HELP metasync_syncs_started_total Syncs that listed or read the UFS.\n"
        + "# TYPE metasync_syncs_started_total counter\nmetasync_syncs_started_total "
        + namespace.syncs().startedCount()
        + "\n# HELP metasync_syncs_joined_total Requests that joined a running sync instead of asking the UFS.\n"
        + "# TYPE metasync_syncs_joined_total counter\nmetasync_syncs_joined_total "
        + namespace.syncs().joinedCount()
        + "\n# HELP metasync_uptime_seconds Seconds since the master started.\n# TYPE metasync_uptime_seconds gauge\n"
        + "metasync_uptime_seconds "
        + (clock.millis() - startedMs) / 1000
        + "\n";
  }

  private static String page(Namespace namespace, long startedMs) {
    StringBuilder html =
        new StringBuilder("<!doctype html><title>metasync master</title><h1>metasync master</h1>");
    html.append("<p>Started ")
        .append(Instant.ofEpochMilli(startedMs))
        .append("; ")
        .append(namespace.inodeCount());
    html.append(
        " cached inodes. <a href=\"/metrics\">metrics</a></p><h2>Mount table</h2><table border=1>");
    html.append(
        "<tr><th>path</th><th>UFS</th><th>read-only</th><th>shared</th><th>options</th></tr>");
    for (MountPoint mount : namespace.mountTable().list()) {
      html.append("<tr><td>")
          .append(escape(mount.path().toString()))
          .append("</td><td>")
          .append(escape(mount.ufsUri().toString()));
      html.append("</td><td>")
          .append(mount.options().readOnly())
          .append("</td><td>")
          .append(mount.options().shared());
      html.append("</td><td>")
          .append(escape(mount.options().displayedProperties().toString()))
          .append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }
}
