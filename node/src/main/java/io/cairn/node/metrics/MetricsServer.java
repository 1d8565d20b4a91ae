/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's operator endpoint on the JDK's HTTP server: {@code GET /metrics} (Prometheus text
 * format) and {@code GET /health} (JSON; 200 when the node can serve, 503 otherwise). Binds to
 * 127.0.0.1 by default: expose it beyond the host only behind something that authenticates.
 */
public final class MetricsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one, see {@link #port()}).
   *
   * @throws IOException if the address cannot be bound
   */
  public static MetricsServer start(
      String host, int port, MetricsRegistry registry, Supplier<HealthStatus> health)
      throws IOException {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(health, "health");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext(
        "/metrics",
        ex -> handle(ex, () -> new Response(200, PROMETHEUS_CONTENT_TYPE, registry.scrape())));
    server.createContext(
        "/health",
        ex ->
            handle(
                ex,
                () -> {
                  HealthStatus h = health.get();
                  return new Response(h.up() ? 200 : 503, "application/json", h.toJson());
                }));
    server.start();
    LOG.info("Metrics and health endpoint on http://{}:{}/", host, server.getAddress().getPort());
    return new MetricsServer(server, executor);
  }

  private record Response(int status, String contentType, String body) {}

  private static void handle(HttpExchange ex, Supplier<Response> route) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!method.equals("GET") && !head) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (!path.equals(ex.getHttpContext().getPath())) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      Response r;
      try {
        r = route.get();
      } catch (RuntimeException e) {
        LOG.warn("Metrics endpoint failed to render {}: {}", path, e.toString());
        r = new Response(500, "text/plain; charset=utf-8", "internal error\n");
      }
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", r.contentType());
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      if (head) {
        ex.sendResponseHeaders(r.status(), -1);
        return;
      }
      ex.sendResponseHeaders(r.status(), body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
