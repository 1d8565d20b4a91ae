/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.sim;

import io.cairn.sentinel.AuditFailure;
import io.cairn.sentinel.Concern;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.RetrievalFailure;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.Transition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded simulation of one client watching a network of honest, flaky, slow, degrading and
 * dishonest nodes through the {@link Sentinel}, hour by simulated hour. Pure and deterministic:
 * time is simulated, randomness comes from {@link SplittableRandom} split per node, so the same
 * config always gives the same report whatever the order of evaluation.
 *
 * <p>Each hour each node that has joined may get an audit (of a re-audit the sentinel asks for
 * first, else a random shard), a retrieval of a random shard and a latency probe, each at a random
 * moment of the hour. Outcomes follow the node's behaviour ({@link Behaviour}): latency is
 * log-normal around the node's median; a flaky node is unreachable during outages; a dishonest
 * node, from its onset, mishandles a fixed fraction of its shards in its own way.
 *
 * <p>A dishonest node's <em>first fault</em> is the first audit or retrieval that touches a shard
 * it mishandles; time to quarantine counts the audits (and hours) from that event, inclusive, to
 * the event that quarantined it.
 */
public final class Simulation {
  /** Simulated time starts at 2026-01-01T00:00:00Z. */
  public static final long EPOCH = 1_767_225_600_000L;

  private static final long HOUR = 3_600_000L;

  private final SimulationConfig config;

  public Simulation(SimulationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Runs the simulation. */
  public SimulationReport run() {
    return run(e -> {});
  }

  /**
   * Runs the simulation, handing every piece of evidence to {@code tap} as it is recorded (to save
   * an evidence file for a dry-run, say).
   */
  public SimulationReport run(Consumer<? super Evidence> tap) {
    SplittableRandom root = new SplittableRandom(config.seed());
    List<Behaviour> behaviours = assign(root.split());
    long[] now = {EPOCH};
    Sentinel sentinel = Sentinel.withoutLog(config.policy(), () -> now[0]);
    List<SimNode> nodes = new ArrayList<>(config.nodes());
    for (int i = 0; i < config.nodes(); i++) {
      nodes.add(
          new SimNode(String.format(Locale.ROOT, "n%05d", i), behaviours.get(i), root.split()));
    }
    long events = 0;
    long transitions = 0;
    List<long[]> hourEvents = new ArrayList<>();
    long hours = 24L * config.days();
    for (long h = 0; h < hours; h++) {
      long hourStart = EPOCH + h * HOUR;
      for (SimNode n : nodes) {
        if (hourStart + HOUR <= n.joinAt) {
          continue;
        }
        hourEvents.clear();
        plan(n, hourStart, hourEvents);
        hourEvents.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] ev : hourEvents) {
          long t = ev[0];
          now[0] = t;
          Evidence e = outcome(n, t, (int) ev[1], sentinel);
          tap.accept(e);
          events++;
          for (Transition tr : sentinel.record(e)) {
            transitions++;
            n.observe(tr);
          }
          n.afterEvent(e, sentinel);
        }
      }
    }
    return SimulationReport.of(config, events, transitions, nodes, sentinel);
  }

  /** Exact behaviour counts (largest remainder), shuffled so ids say nothing. */
  private List<Behaviour> assign(SplittableRandom rnd) {
    int n = config.nodes();
    EnumMap<Behaviour, Integer> counts = new EnumMap<>(Behaviour.class);
    int total = 0;
    List<Behaviour> order = new ArrayList<>(List.of(Behaviour.values()));
    double[] rem = new double[Behaviour.values().length];
    for (Behaviour b : Behaviour.values()) {
      double exact = config.mix().getOrDefault(b, 0.0) * n;
      int c = (int) Math.floor(exact);
      counts.put(b, c);
      rem[b.ordinal()] = exact - c;
      total += c;
    }
    order.sort((a, b) -> Double.compare(rem[b.ordinal()], rem[a.ordinal()]));
    for (int i = 0; total < n; i++, total++) {
      Behaviour b = order.get(i % order.size());
      counts.merge(b, 1, Integer::sum);
    }
    List<Behaviour> out = new ArrayList<>(n);
    counts.forEach(
        (b, c) -> {
          for (int i = 0; i < c; i++) {
            out.add(b);
          }
        });
    for (int i = out.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Behaviour t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  private static final int AUDIT = 0;
  private static final int RETRIEVAL = 1;
  private static final int PING = 2;

  private void plan(SimNode n, long hourStart, List<long[]> out) {
    SplittableRandom r = n.rnd;
    long from = Math.max(hourStart, n.joinAt);
    long span = hourStart + HOUR - from;
    if (r.nextDouble() < config.auditsPerHour()) {
      out.add(new long[] {from + r.nextLong(span), AUDIT});
    }
    if (r.nextDouble() < config.retrievalsPerHour()) {
      out.add(new long[] {from + r.nextLong(span), RETRIEVAL});
    }
    if (r.nextDouble() < config.pingsPerHour()) {
      out.add(new long[] {from + r.nextLong(span), PING});
    }
  }

  private Evidence outcome(SimNode n, long t, int kind, Sentinel sentinel) {
    SplittableRandom r = n.rnd;
    String id = n.id;
    if (kind == AUDIT) {
      n.audits++;
    }
    boolean up = n.up(t);
    long latency = n.latency(t);
    int shard;
    if (kind == AUDIT) {
      List<String> pending = sentinel.pendingReaudits(id);
      shard =
          pending.isEmpty() ? r.nextInt(config.shardsPerNode()) : shardIndex(pending.getFirst());
    } else {
      shard = r.nextInt(config.shardsPerNode());
    }
    String shardId = shardName(shard);
    if (!up || r.nextDouble() < n.unreachableChance) {
      return new Evidence.Unreachable(id, t);
    }
    boolean bad = kind != PING && n.bad(t, shard);
    if (bad) {
      n.fault(t, kind == AUDIT);
    }
    return switch (kind) {
      case AUDIT -> {
        if (bad) {
          yield switch (n.behaviour) {
            case DROPPER -> new Evidence.AuditFailed(id, t, shardId, AuditFailure.NOT_FOUND);
            case CORRUPTER, LIAR ->
                new Evidence.AuditFailed(id, t, shardId, AuditFailure.WRONG_HASH);
            case EVADER -> new Evidence.AuditTimedOut(id, t, shardId);
            case HONEST, FLAKY, SLOW, DEGRADING ->
                throw new IllegalStateException("honest nodes hold every shard");
          };
        }
        yield latency > config.timeoutMillis()
            ? new Evidence.AuditTimedOut(id, t, shardId)
            : new Evidence.AuditPassed(id, t, shardId, latency);
      }
      case RETRIEVAL -> {
        if (bad) {
          yield switch (n.behaviour) {
            case DROPPER ->
                new Evidence.RetrievalFailed(id, t, shardId, RetrievalFailure.NOT_FOUND);
            case CORRUPTER -> new Evidence.CorruptData(id, t, shardId);
            case LIAR, EVADER ->
                new Evidence.RetrievalFailed(id, t, shardId, RetrievalFailure.ERROR);
            case HONEST, FLAKY, SLOW, DEGRADING ->
                throw new IllegalStateException("honest nodes hold every shard");
          };
        }
        yield latency > config.timeoutMillis()
            ? new Evidence.RetrievalFailed(id, t, shardId, RetrievalFailure.ERROR)
            : new Evidence.RetrievalSucceeded(id, t, shardId, latency);
      }
      default -> new Evidence.LatencySample(id, t, Math.min(latency, config.timeoutMillis()));
    };
  }

  private static String shardName(int shard) {
    return "s" + shard;
  }

  private static int shardIndex(String name) {
    return Integer.parseInt(name.substring(1));
  }

  /** A simulated node: its behaviour, its hidden parameters and what happened to it. */
  final class SimNode {
    final String id;
    final Behaviour behaviour;
    final SplittableRandom rnd;
    final long joinAt;
    final double medianMillis;
    final double sigma;
    final double unreachableChance;
    final long degradeAt;
    final double degradeFactor;
    final long onsetAt;
    final double badFraction;
    final long badSalt;
    final double meanUpHours;
    final double meanDownHours;
    boolean down;
    long nextToggleAt;

    long audits;
    long firstFaultAt = -1;
    long auditsBeforeFault;
    long caughtAt = -1;
    long auditsAtCaught;
    boolean everSuspect;
    boolean everQuarantined;
    boolean everFlaggedIntegrity;
    long disqualifiedAt = -1;
    String firstQuarantineCause;
    String firstSuspectCause;
    long vettedAt = -1;
    long samplesSinceDegrade;
    long degradeNoticedAfter = -1;

    SimNode(String id, Behaviour behaviour, SplittableRandom rnd) {
      this.id = id;
      this.behaviour = behaviour;
      this.rnd = rnd;
      long end = EPOCH + 24L * HOUR * config.days();
      long half = 12L * HOUR * config.days();
      this.joinAt =
          rnd.nextDouble() < config.lateJoinerFraction() ? EPOCH + rnd.nextLong(half) : EPOCH;
      boolean slow = behaviour == Behaviour.SLOW;
      this.medianMillis = slow ? 600 + rnd.nextDouble() * 1900 : 30 + rnd.nextDouble() * 120;
      this.sigma = slow ? 0.6 : 0.35;
      this.unreachableChance = 0.002;
      if (behaviour == Behaviour.DEGRADING) {
        long lo = Math.max(joinAt, EPOCH) + 2 * 24 * HOUR;
        this.degradeAt =
            lo < end - 2 * 24 * HOUR ? lo + rnd.nextLong(end - 2 * 24 * HOUR - lo) : lo;
        this.degradeFactor = 5 + rnd.nextDouble() * 10;
      } else {
        this.degradeAt = Long.MAX_VALUE;
        this.degradeFactor = 1;
      }
      if (behaviour.dishonest()) {
        this.onsetAt = joinAt + (rnd.nextBoolean() ? 0 : rnd.nextLong(half));
        this.badFraction = 0.1 + rnd.nextDouble() * 0.4;
        this.badSalt = rnd.nextLong();
      } else {
        this.onsetAt = Long.MAX_VALUE;
        this.badFraction = 0;
        this.badSalt = 0;
      }
      if (behaviour == Behaviour.FLAKY) {
        this.meanUpHours = 12 + rnd.nextDouble() * 60;
        this.meanDownHours = 1 + rnd.nextDouble() * 5;
        this.nextToggleAt = joinAt + exp(meanUpHours);
      } else {
        this.meanUpHours = 0;
        this.meanDownHours = 0;
        this.nextToggleAt = Long.MAX_VALUE;
      }
    }

    private long exp(double meanHours) {
      return Math.max(1, Math.round(-meanHours * HOUR * Math.log(1 - rnd.nextDouble())));
    }

    boolean up(long t) {
      while (t >= nextToggleAt) {
        down = !down;
        nextToggleAt += exp(down ? meanDownHours : meanUpHours);
      }
      return !down;
    }

    long latency(long t) {
      double m = t >= degradeAt ? medianMillis * degradeFactor : medianMillis;
      double x = m * Math.exp(sigma * rnd.nextGaussian());
      return Math.max(1, Math.min(Math.round(x), Evidence.MAX_LATENCY_MILLIS));
    }

    boolean bad(long t, int shard) {
      if (t < onsetAt) {
        return false;
      }
      long z = badSalt + shard * 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      return (z >>> 11) * 0x1.0p-53 < badFraction;
    }

    void fault(long t, boolean isAudit) {
      if (firstFaultAt < 0) {
        firstFaultAt = t;
        auditsBeforeFault = audits - (isAudit ? 1 : 0);
        if (currentlyExcluded) {
          caughtAt = t;
          auditsAtCaught = auditsBeforeFault;
        }
      }
    }

    boolean currentlyExcluded;

    void observe(Transition tr) {
      if (tr.vettingOnly()) {
        vettedAt = tr.at();
        return;
      }
      NodeState to = tr.to();
      currentlyExcluded = to.excluded();
      if (to == NodeState.SUSPECT && !tr.cause().equals("released")) {
        if (!everSuspect) {
          firstSuspectCause = tr.cause();
        }
        everSuspect = true;
      }
      if (to.excluded()) {
        if (Concern.ofCode(tr.cause()).integrity()) {
          everFlaggedIntegrity = true;
        }
        if (!everQuarantined) {
          firstQuarantineCause = tr.cause();
        }
        everQuarantined = true;
        if (firstFaultAt >= 0 && caughtAt < 0) {
          caughtAt = tr.at();
          auditsAtCaught = audits;
        }
      }
      if (to == NodeState.DISQUALIFIED) {
        disqualifiedAt = tr.at();
      }
    }

    void afterEvent(Evidence e, Sentinel sentinel) {
      if (degradeAt == Long.MAX_VALUE || e.at() < degradeAt || degradeNoticedAfter >= 0) {
        return;
      }
      boolean sample =
          e instanceof Evidence.AuditPassed
              || e instanceof Evidence.RetrievalSucceeded
              || e instanceof Evidence.LatencySample;
      if (!sample) {
        return;
      }
      samplesSinceDegrade++;
      var concerns = sentinel.node(id).orElseThrow().concerns();
      if (concerns.contains(Concern.LATENCY_SHIFT) || concerns.contains(Concern.SLOW)) {
        degradeNoticedAfter = samplesSinceDegrade;
      }
    }
  }
}
