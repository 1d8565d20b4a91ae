/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.metrics;

import java.util.function.DoubleSupplier;

/** A gauge read from a callback at each scrape. */
public final class Gauge implements MetricsRegistry.Metric {
  private final String name;
  private final String help;
  private final DoubleSupplier value;

  Gauge(String name, String help, DoubleSupplier value) {
    this.name = MetricsRegistry.checkName(name);
    this.help = help;
    this.value = value;
  }

  @Override
  public String name() {
    return name;
  }

  /** The current value. */
  public double value() {
    return value.getAsDouble();
  }

  @Override
  public void render(StringBuilder out) {
    MetricsRegistry.header(out, name, help, "gauge");
    out.append(name).append(' ').append(MetricsRegistry.number(value())).append('\n');
  }
}
