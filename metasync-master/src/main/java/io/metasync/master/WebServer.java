package io.metasync.master;

import com.sun.net.httpserver.HttpServer;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.NamespacePath;
import io.metasync.common.PropertyKey;
import io.metasync.master.metrics.MasterMetrics;
import io.metasync.master.web.MasterRoleView;
import io.metasync.master.web.MasterView;
import io.metasync.master.web.OperatorPages;
import io.metasync.master.web.PageRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The master's read-only web port: the operator pages and {@code /metrics} (see {@code docs/web.md}
 * and {@code docs/metrics.md}); any other path is 404 (see {@link PageRouter}). Nothing here
 * changes state.
 */
final class WebServer {
  private final HttpServer server;
  private final ExecutorService executor;

  private WebServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** What the pages read of a master made of {@code namespace}. */
  static MasterView view(
      MetasyncConfiguration conf,
      Namespace namespace,
      MasterMetrics metrics,
      MasterRoleView role,
      Clock clock) {
    return new MasterView(
        conf,
        namespace.mountTable(),
        namespace.activeSync()::syncPoints,
        namespace.syncs(),
        namespace::inodeCount,
        metrics,
        role,
        () -> namespace.pathConf().list(NamespacePath.ROOT),
        clock);
  }

  static WebServer start(String host, int port, MasterView view) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw MasterProcess.portError(host, port, PropertyKey.MASTER_WEB_PORT, e);
    }
    server.createContext("/", new PageRouter(new OperatorPages(view).pages()));
    // Two threads: a slow /metrics scrape does not hold up a page's live update, or the reverse.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "metasync-web");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new WebServer(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }
}
