/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  @Test
  void shouldServeMetricsAndHealthOnLoopback() throws Exception {
    MetricsRegistry registry = new MetricsRegistry();
    registry.counter("cairn_node_shards_stored_total", "Shards stored.").inc(7);
    AtomicBoolean up = new AtomicBoolean(true);
    try (MetricsServer server =
            MetricsServer.start(
                "127.0.0.1",
                0,
                registry,
                () -> new HealthStatus(up.get(), "12D3KooWtest", 10, 100, 1));
        HttpClient client = HttpClient.newHttpClient()) {
      String base = "http://127.0.0.1:" + server.port();

      HttpResponse<String> metrics = get(client, base + "/metrics");
      HttpResponse<String> health = get(client, base + "/health");
      up.set(false);
      HttpResponse<String> down = get(client, base + "/health");
      HttpResponse<String> missing = get(client, base + "/metrics/extra");
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/metrics"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, metrics.statusCode());
      assertEquals(
          "text/plain; version=0.0.4; charset=utf-8",
          metrics.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(metrics.body().contains("cairn_node_shards_stored_total 7\n"), metrics.body());
      assertEquals(200, health.statusCode());
      assertEquals(
          "{\"status\":\"up\",\"peerId\":\"12D3KooWtest\",\"usedBytes\":10,\"quotaBytes\":100,"
              + "\"shards\":1}",
          health.body());
      assertEquals(503, down.statusCode());
      assertTrue(down.body().contains("\"status\":\"unavailable\""), down.body());
      assertEquals(404, missing.statusCode());
      assertEquals(405, post.statusCode());
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
