/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  @Test
  void shouldRenderThePrometheusTextFormat() {
    MetricsRegistry r = new MetricsRegistry();
    Counter stored = r.counter("cairn_node_shards_stored_total", "Shards stored.");
    Counter requests = r.counter("cairn_node_requests_total", "Requests.", "kind", "outcome");
    AtomicLong used = new AtomicLong(1536);
    r.gauge("cairn_node_bytes_stored", "Bytes \\ stored\nnow.", used::get);
    Histogram h = r.histogram("cairn_node_request_seconds", "Time.", new double[] {0.1, 1}, "kind");
    stored.inc();
    stored.inc(2);
    requests.incLabels("store", "stored");
    requests.incLabels("audit", "replayed");
    requests.incLabels("store", "stored");
    h.observe(0.05, "store");
    h.observe(0.1, "store");
    h.observe(3, "store");

    assertEquals(
        """
        # HELP cairn_node_shards_stored_total Shards stored.
        # TYPE cairn_node_shards_stored_total counter
        cairn_node_shards_stored_total 3
        # HELP cairn_node_requests_total Requests.
        # TYPE cairn_node_requests_total counter
        cairn_node_requests_total{kind="audit",outcome="replayed"} 1
        cairn_node_requests_total{kind="store",outcome="stored"} 2
        # HELP cairn_node_bytes_stored Bytes \\\\ stored\\nnow.
        # TYPE cairn_node_bytes_stored gauge
        cairn_node_bytes_stored 1536
        # HELP cairn_node_request_seconds Time.
        # TYPE cairn_node_request_seconds histogram
        cairn_node_request_seconds_bucket{kind="store",le="0.1"} 2
        cairn_node_request_seconds_bucket{kind="store",le="1"} 2
        cairn_node_request_seconds_bucket{kind="store",le="+Inf"} 3
        cairn_node_request_seconds_sum{kind="store"} 3.15
        cairn_node_request_seconds_count{kind="store"} 3
        """,
        r.scrape());
    assertEquals(2, requests.value("store", "stored"));
    assertEquals(0, requests.value("store", "refused"));
    assertEquals(3, h.count("store"));
  }

  @Test
  void shouldEscapeLabelValues() {
    MetricsRegistry r = new MetricsRegistry();
    r.counter("x_total", "x", "v").incLabels("a\"b\\c\nd");

    assertEquals(
        "# HELP x_total x\n# TYPE x_total counter\nx_total{v=\"a\\\"b\\\\c\\nd\"} 1\n", r.scrape());
  }

  @Test
  void shouldRefuseBadRegistrations() {
    MetricsRegistry r = new MetricsRegistry();
    r.counter("a_total", "a");
    assertThrows(IllegalArgumentException.class, () -> r.counter("a_total", "again"));
    assertThrows(IllegalArgumentException.class, () -> r.counter("bad-name", "x"));
    assertThrows(IllegalArgumentException.class, () -> r.counter("b_total", "x", "__reserved"));
    assertThrows(IllegalArgumentException.class, () -> r.counter("c_total", "x", "k", "k"));
    assertThrows(IllegalArgumentException.class, () -> r.histogram("h", "x", new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class, () -> r.histogram("h2", "x", new double[] {1}, "le"));
    Counter labelled = r.counter("d_total", "x", "k");
    assertThrows(IllegalArgumentException.class, labelled::inc);
    assertThrows(IllegalArgumentException.class, () -> r.counter("e_total", "x").inc(-1));
  }

  @Test
  void shouldFormatNumbersLikePrometheus() {
    assertEquals("+Inf", MetricsRegistry.number(Double.POSITIVE_INFINITY));
    assertEquals("NaN", MetricsRegistry.number(Double.NaN));
    assertEquals("5", MetricsRegistry.number(5.0));
    assertEquals("0.005", MetricsRegistry.number(0.005));
    assertEquals("1.0E20", MetricsRegistry.number(1e20));
  }
}
