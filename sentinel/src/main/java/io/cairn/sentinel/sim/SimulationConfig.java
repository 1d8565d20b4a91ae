/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.sim;

import io.cairn.sentinel.Policy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated network: its size, length and mix of behaviours, how often the client audits,
 * retrieves and pings each node, and the policy under test.
 *
 * @param seed the seed; the same config always gives the same report
 * @param nodes number of nodes, 1..100000
 * @param days simulated days, 1..365
 * @param mix fraction of nodes per behaviour (sums to 1)
 * @param auditsPerHour chance per node and hour of one audit
 * @param retrievalsPerHour chance per node and hour of one retrieval
 * @param pingsPerHour chance per node and hour of one latency probe
 * @param timeoutMillis how long the client waits for an audit or retrieval answer
 * @param shardsPerNode shards each node holds (audits and retrievals pick among them)
 * @param lateJoinerFraction fraction of nodes that join during the first half (new, vetting)
 * @param policy the policy under test
 */
public record SimulationConfig(
    long seed,
    int nodes,
    int days,
    Map<Behaviour, Double> mix,
    double auditsPerHour,
    double retrievalsPerHour,
    double pingsPerHour,
    long timeoutMillis,
    int shardsPerNode,
    double lateJoinerFraction,
    Policy policy) {

  public SimulationConfig {
    if (nodes < 1 || nodes > 100_000) {
      throw new IllegalArgumentException("nodes must be in 1..100000, got " + nodes);
    }
    if (days < 1 || days > 365) {
      throw new IllegalArgumentException("days must be in 1..365, got " + days);
    }
    Objects.requireNonNull(policy, "policy");
    EnumMap<Behaviour, Double> m = new EnumMap<>(Behaviour.class);
    double sum = 0;
    for (var e : mix.entrySet()) {
      if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
        throw new IllegalArgumentException("mix fraction of " + e.getKey() + " must be in [0, 1]");
      }
      m.put(e.getKey(), e.getValue());
      sum += e.getValue();
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("mix fractions must sum to 1, got " + sum);
    }
    mix = Map.copyOf(m);
    rate("auditsPerHour", auditsPerHour);
    rate("retrievalsPerHour", retrievalsPerHour);
    rate("pingsPerHour", pingsPerHour);
    rate("lateJoinerFraction", lateJoinerFraction);
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("timeoutMillis must be positive");
    }
    if (shardsPerNode < 1 || shardsPerNode > 1_000_000) {
      throw new IllegalArgumentException("shardsPerNode must be in 1..1000000");
    }
  }

  private static void rate(String name, double x) {
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + x);
    }
  }

  /** The default mix: 56% honest, 12% flaky, 12% slow, 4% degrading, 4% of each dishonest kind. */
  public static Map<Behaviour, Double> defaultMix() {
    EnumMap<Behaviour, Double> m = new EnumMap<>(Behaviour.class);
    m.put(Behaviour.HONEST, 0.56);
    m.put(Behaviour.FLAKY, 0.12);
    m.put(Behaviour.SLOW, 0.12);
    m.put(Behaviour.DEGRADING, 0.04);
    m.put(Behaviour.DROPPER, 0.04);
    m.put(Behaviour.CORRUPTER, 0.04);
    m.put(Behaviour.LIAR, 0.04);
    m.put(Behaviour.EVADER, 0.04);
    return m;
  }

  /**
   * The default network: default mix, half an audit, 0.8 retrievals and half a ping per node and
   * hour, 10 s timeout, 500 shards per node, 10% late joiners, default policy.
   */
  public static SimulationConfig of(long seed, int nodes, int days) {
    return new SimulationConfig(
        seed, nodes, days, defaultMix(), 0.5, 0.8, 0.5, 10_000, 500, 0.1, Policy.defaults());
  }

  /** This config under another policy. */
  public SimulationConfig withPolicy(Policy p) {
    return new SimulationConfig(
        seed,
        nodes,
        days,
        mix,
        auditsPerHour,
        retrievalsPerHour,
        pingsPerHour,
        timeoutMillis,
        shardsPerNode,
        lateJoinerFraction,
        p);
  }
}
