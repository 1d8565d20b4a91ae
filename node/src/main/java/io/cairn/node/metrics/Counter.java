/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter family: one value per combination of label values. */
public final class Counter implements MetricsRegistry.Metric {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, LongAdder> children = new ConcurrentHashMap<>();

  Counter(String name, String help, List<String> labelNames) {
    this.name = MetricsRegistry.checkName(name);
    this.help = help;
    this.labelNames = labelNames;
    if (labelNames.isEmpty()) {
      children.put(List.of(), new LongAdder());
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Adds one to the unlabelled counter. */
  public void inc() {
    inc(1);
  }

  /** Adds {@code n >= 0} to the unlabelled counter. */
  public void inc(long n) {
    child(new String[0]).add(checkPositive(n));
  }

  /** Adds {@code n >= 0} to the child with these label values. */
  public void inc(long n, String... labelValues) {
    child(labelValues).add(checkPositive(n));
  }

  /** Adds one to the child with these label values. */
  public void incLabels(String... labelValues) {
    child(labelValues).increment();
  }

  /** The current value of the child with these label values (0 if never incremented). */
  public long value(String... labelValues) {
    LongAdder a = children.get(MetricsRegistry.checkValues(labelNames, labelValues));
    return a == null ? 0 : a.sum();
  }

  private LongAdder child(String[] labelValues) {
    return children.computeIfAbsent(
        MetricsRegistry.checkValues(labelNames, labelValues), k -> new LongAdder());
  }

  private static long checkPositive(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a counter only goes up, got " + n);
    }
    return n;
  }

  @Override
  public void render(StringBuilder out) {
    MetricsRegistry.header(out, name, help, "counter");
    children.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(List::toString)))
        .forEach(
            e -> {
              out.append(name);
              MetricsRegistry.labels(out, labelNames, e.getKey(), null, null);
              out.append(' ').append(e.getValue().sum()).append('\n');
            });
  }
}
