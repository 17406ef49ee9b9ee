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
import java.util.function.Supplier;

/**
 * The master's read-only web face: {@code /} shows the mount table, {@code /metrics} the master's
 * metrics in the Prometheus text format (see {@code docs/metrics.md}); any other path is 404 (see
 * {@link PageRouter}). Nothing here changes state.
 */
final class WebServer {
  private final HttpServer server;

  private WebServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param metrics renders {@code /metrics} at each scrape
   */
  static WebServer start(
      String host, int port, Namespace namespace, Clock clock, Supplier<String> metrics) {
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
                new PageRouter.Page("text/plain; version=0.0.4; charset=utf-8", metrics))));
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
