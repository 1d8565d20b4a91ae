/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A histogram family with fixed bucket bounds; one set of buckets per label combination. */
public final class Histogram implements MetricsRegistry.Metric {
  /**
   * Request-duration buckets in seconds, from the OpenTelemetry semantic conventions for {@code
   * http.server.request.duration}.
   */
  public static final double[] DURATION_SECONDS_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  private final String name;
  private final String help;
  private final double[] bounds;
  private final List<String> labelNames;
  private final Map<List<String>, Child> children = new ConcurrentHashMap<>();

  Histogram(String name, String help, double[] buckets, List<String> labelNames) {
    this.name = MetricsRegistry.checkName(name);
    this.help = help;
    this.labelNames = labelNames;
    this.bounds = buckets.clone();
    if (bounds.length == 0) {
      throw new IllegalArgumentException("a histogram needs at least one bucket");
    }
    for (int i = 0; i < bounds.length; i++) {
      if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
        throw new IllegalArgumentException(
            "bucket bounds must be finite and strictly increasing: " + Arrays.toString(buckets));
      }
    }
    if (labelNames.isEmpty()) {
      children.put(List.of(), new Child(bounds.length));
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Records {@code value} in the child with these label values. */
  public void observe(double value, String... labelValues) {
    Child c =
        children.computeIfAbsent(
            MetricsRegistry.checkValues(labelNames, labelValues), k -> new Child(bounds.length));
    int i = Arrays.binarySearch(bounds, value);
    int bucket = i >= 0 ? i : -i - 1; // first bound >= value; bounds.length is +Inf
    c.counts[bucket].increment();
    c.sum.add(value);
  }

  /** Number of observations of the child with these label values. */
  public long count(String... labelValues) {
    Child c = children.get(MetricsRegistry.checkValues(labelNames, labelValues));
    if (c == null) {
      return 0;
    }
    long n = 0;
    for (LongAdder a : c.counts) {
      n += a.sum();
    }
    return n;
  }

  /** Sum of the observations of the child with these label values. */
  public double sum(String... labelValues) {
    Child c = children.get(MetricsRegistry.checkValues(labelNames, labelValues));
    return c == null ? 0 : c.sum.sum();
  }

  @Override
  public void render(StringBuilder out) {
    MetricsRegistry.header(out, name, help, "histogram");
    children.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(List::toString)))
        .forEach(e -> renderChild(out, e.getKey(), e.getValue()));
  }

  private void renderChild(StringBuilder out, List<String> values, Child c) {
    long cumulative = 0;
    for (int i = 0; i <= bounds.length; i++) {
      cumulative += c.counts[i].sum();
      String le = i == bounds.length ? "+Inf" : MetricsRegistry.number(bounds[i]);
      out.append(name).append("_bucket");
      MetricsRegistry.labels(out, labelNames, values, "le", le);
      out.append(' ').append(cumulative).append('\n');
    }
    out.append(name).append("_sum");
    MetricsRegistry.labels(out, labelNames, values, null, null);
    out.append(' ').append(MetricsRegistry.number(c.sum.sum())).append('\n');
    out.append(name).append("_count");
    MetricsRegistry.labels(out, labelNames, values, null, null);
    out.append(' ').append(cumulative).append('\n');
  }

  private static final class Child {
    final LongAdder[] counts;
    final DoubleAdder sum = new DoubleAdder();

    Child(int bounds) {
      counts = new LongAdder[bounds + 1];
      Arrays.setAll(counts, i -> new LongAdder());
    }
  }
}
