package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves a fixed set of read-only pages by exact path (the query string is left to the page):
 * {@code GET} and {@code HEAD} answer 200 ({@code HEAD} with the headers only), any other method
 * 405 with an {@code Allow} header, and any other path 404, so that a mistyped address (a
 * Prometheus scrape path, say) fails visibly.
 */
public final class PageRouter implements HttpHandler {
  private static final String ALLOWED = "GET, HEAD";
  private static final String TEXT = "text/plain; charset=utf-8";

  /** A page: its content type and how to render its body at each request. */
  public record Page(String contentType, Supplier<String> body) {
    public Page {
      requireNonNull(contentType, "contentType is null");
      requireNonNull(body, "body is null");
    }
  }

  private final Map<String, Page> pages;

  /**
   * @param pages by path, e.g. {@code /metrics}
   */
  public PageRouter(Map<String, Page> pages) {
    this.pages = Map.copyOf(pages);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Page page = pages.get(path);
      if (page == null) {
        respond(exchange, 404, TEXT, "no page at " + path + "; the pages are " + paths() + "\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", ALLOWED);
        respond(exchange, 405, TEXT, method + " is not allowed here; use " + ALLOWED + "\n");
      } else {
        respond(exchange, 200, page.contentType(), page.body().get());
      }
    }
  }

  private String paths() {
    return String.join(" and ", pages.keySet().stream().sorted().toList());
  }

  /**
   * Sends the status, the headers and, but for {@code HEAD}, the body. For {@code HEAD} the JDK
   * wants length -1 (no body) and warns at any other; the {@code Content-Length} that a {@code GET}
   * would get is set by hand.
   */
  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
