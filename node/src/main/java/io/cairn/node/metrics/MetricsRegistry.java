/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * A small metrics registry rendered in the Prometheus text exposition format (version 0.0.4):
 * counters, callback gauges and histograms with fixed buckets, each optionally with labels.
 *
 * <p>Components create their metrics in their constructors from an injected registry, so a test can
 * hand in a fresh registry and assert the values ({@link Counter#value}, {@link Histogram#count},
 * {@link #scrape()}). Registering a name twice is an error. Thread-safe.
 */
public final class MetricsRegistry {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Map<String, Metric> metrics = new LinkedHashMap<>();

  /** A metric family that can render itself. */
  sealed interface Metric permits Counter, Gauge, Histogram {
    String name();

    void render(StringBuilder out);
  }

  /** A monotonically increasing counter; by convention its name ends in {@code _total}. */
  public synchronized Counter counter(String name, String help, String... labelNames) {
    return register(new Counter(name, help, checkLabels(labelNames, false)));
  }

  /** A gauge whose value is read from {@code value} at each scrape. */
  public synchronized Gauge gauge(String name, String help, DoubleSupplier value) {
    return register(new Gauge(name, help, Objects.requireNonNull(value, "value")));
  }

  /**
   * A histogram with the given upper bounds (strictly increasing, finite; {@code +Inf} is added).
   */
  public synchronized Histogram histogram(
      String name, String help, double[] buckets, String... labelNames) {
    return register(new Histogram(name, help, buckets, checkLabels(labelNames, true)));
  }

  /** The metric registered under {@code name}, for tests. */
  public synchronized Metric get(String name) {
    Metric m = metrics.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no metric named " + name);
    }
    return m;
  }

  /** All metrics in the Prometheus text format, in registration order. */
  public String scrape() {
    List<Metric> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(metrics.values());
    }
    StringBuilder out = new StringBuilder(1024);
    for (Metric m : snapshot) {
      m.render(out);
    }
    return out.toString();
  }

  private <M extends Metric> M register(M metric) {
    if (metrics.containsKey(metric.name())) {
      throw new IllegalArgumentException("metric " + metric.name() + " is already registered");
    }
    metrics.put(metric.name(), metric);
    return metric;
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name: " + name);
    }
    return name;
  }

  private static List<String> checkLabels(String[] labelNames, boolean histogram) {
    for (String l : labelNames) {
      Objects.requireNonNull(l, "label name");
      if (!LABEL_NAME.matcher(l).matches() || l.startsWith("__")) {
        throw new IllegalArgumentException("invalid label name: " + l);
      }
      if (histogram && l.equals("le")) {
        throw new IllegalArgumentException("a histogram may not have a label named le");
      }
    }
    if (List.of(labelNames).stream().distinct().count() != labelNames.length) {
      throw new IllegalArgumentException("duplicate label names: " + List.of(labelNames));
    }
    return List.of(labelNames);
  }

  static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ');
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** {@code {a="x",b="y"}}, or nothing without labels; {@code extra} is appended (for le). */
  static void labels(
      StringBuilder out, List<String> names, List<String> values, String extraName, String extra) {
    if (names.isEmpty() && extraName == null) {
      return;
    }
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      labelValue(out.append(names.get(i)).append("=\""), values.get(i)).append('"');
    }
    if (extraName != null) {
      if (!names.isEmpty()) {
        out.append(',');
      }
      out.append(extraName).append("=\"").append(extra).append('"');
    }
    out.append('}');
  }

  private static StringBuilder labelValue(StringBuilder out, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out;
  }

  /** Go-style number text: integers without a fraction, {@code +Inf}, {@code NaN}. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static List<String> checkValues(List<String> names, String[] values) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException(
          "expected " + names.size() + " label values " + names + ", got " + values.length);
    }
    for (String v : values) {
      Objects.requireNonNull(v, "label value");
    }
    return List.of(values);
  }
}
