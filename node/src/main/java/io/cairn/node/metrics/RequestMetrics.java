/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Per-request metrics shared by the node's services: {@code cairn_node_requests_total{kind,
 * outcome}} and {@code cairn_node_request_seconds{kind}} (OpenTelemetry duration buckets). One
 * instance per registry.
 */
public final class RequestMetrics {
  private final Counter requests;
  private final Histogram seconds;
  private final LongSupplier nanoTime;

  public RequestMetrics(MetricsRegistry registry) {
    this(registry, System::nanoTime);
  }

  /** With an injected monotonic clock (nanoseconds), for tests. */
  public RequestMetrics(MetricsRegistry registry, LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    requests =
        registry.counter(
            "cairn_node_requests_total",
            "Requests handled, by kind and outcome.",
            "kind",
            "outcome");
    seconds =
        registry.histogram(
            "cairn_node_request_seconds",
            "Time to handle a request, by kind.",
            Histogram.DURATION_SECONDS_BUCKETS,
            "kind");
  }

  /** A start time for {@link #record}. */
  public long start() {
    return nanoTime.getAsLong();
  }

  /** Counts a finished request and its duration since {@code startNanos}. */
  public void record(String kind, String outcome, long startNanos) {
    requests.incLabels(kind, outcome);
    seconds.observe((nanoTime.getAsLong() - startNanos) / 1e9, kind);
  }

  public Counter requests() {
    return requests;
  }

  public Histogram seconds() {
    return seconds;
  }
}
