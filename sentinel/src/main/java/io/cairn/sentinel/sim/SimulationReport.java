/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Simulation} found: per behaviour, how many nodes were ever suspect, quarantined,
 * disqualified; detection precision and recall; time from a dishonest node's first fault to its
 * quarantine, in audits and hours; how fast latency jumps were noticed; and whether the bars hold.
 *
 * <p>Detection of dishonesty counts a node as flagged if it was ever quarantined or disqualified on
 * integrity evidence (the integrity statistic, the audit score, proofs). Precision is flagged
 * dishonest nodes over all flagged nodes; recall is flagged dishonest nodes over all dishonest
 * nodes. Quarantines for availability (a flaky node offline for days) are counted apart: they are
 * not an accusation. "Exposed" dishonest nodes are those whose misbehaviour touched at least one
 * audit or retrieval (a node whose onset came too late to be seen cannot be caught).
 *
 * @param config the simulated network
 * @param events evidence events recorded
 * @param transitions transitions the sentinel made (vetting ends included)
 * @param classes per behaviour
 * @param detection precision and recall
 * @param auditsToQuarantine audits from first fault (inclusive) to quarantine, exposed dishonest
 *     nodes that were caught
 * @param hoursToQuarantine hours from first fault to quarantine, same nodes
 * @param samplesToNoticeLatencyJump latency samples after a degrading node's jump until the
 *     sentinel raised a latency concern
 * @param vettingHours hours from joining to the end of vetting, late joiners that finished it
 * @param honestDisqualified honest, flaky, slow or degrading nodes disqualified (the bar: 0)
 * @param dishonestWithin10Audits fraction of exposed dishonest nodes quarantined within 10 audits
 *     of their first fault (the bar: at least 0.99)
 */
public record SimulationReport(
    SimulationConfig config,
    long events,
    long transitions,
    Map<Behaviour, ClassStats> classes,
    Detection detection,
    Distribution auditsToQuarantine,
    Distribution hoursToQuarantine,
    Distribution samplesToNoticeLatencyJump,
    Distribution vettingHours,
    int honestDisqualified,
    double dishonestWithin10Audits) {

  /** The bar on time to quarantine, in audits. */
  public static final int AUDIT_BAR = 10;

  /** The bar on the fraction of dishonest nodes caught within {@link #AUDIT_BAR} audits. */
  public static final double CATCH_BAR = 0.99;

  public SimulationReport {
    classes = Map.copyOf(classes);
  }

  /** Whether both bars hold: no honest or slow node disqualified, 99% caught within 10 audits. */
  public boolean barsMet() {
    return honestDisqualified == 0 && dishonestWithin10Audits >= CATCH_BAR;
  }

  /**
   * Per behaviour.
   *
   * @param nodes nodes of this behaviour
   * @param exposed of them, nodes whose misbehaviour touched an audit or retrieval (0 for honest
   *     kinds)
   * @param everSuspect nodes that were suspect at some point
   * @param everQuarantined nodes that were quarantined (or disqualified) at some point
   * @param disqualified nodes disqualified
   * @param finalStates nodes per state at the end
   * @param firstQuarantineCauses the cause of each node's first quarantine, counted
   * @param firstSuspectCauses the cause of each node's first suspicion, counted
   * @param auditsToQuarantine audits from first fault to quarantine (dishonest kinds)
   */
  public record ClassStats(
      int nodes,
      int exposed,
      int everSuspect,
      int everQuarantined,
      int disqualified,
      Map<NodeState, Integer> finalStates,
      Map<String, Integer> firstQuarantineCauses,
      Map<String, Integer> firstSuspectCauses,
      Distribution auditsToQuarantine) {
    public ClassStats {
      finalStates = Map.copyOf(finalStates);
      firstSuspectCauses = Map.copyOf(firstSuspectCauses);
      firstQuarantineCauses = Map.copyOf(firstQuarantineCauses);
    }
  }

  /**
   * Detection figures; see the class comment for the definitions.
   *
   * @param truePositives dishonest nodes flagged on integrity evidence
   * @param falsePositives other nodes flagged on integrity evidence
   * @param falseNegatives dishonest nodes never flagged on integrity evidence
   * @param exposedDishonest dishonest nodes whose misbehaviour was observable
   * @param exposedCaught of them, nodes quarantined after their first fault (any cause)
   * @param precision truePositives / (truePositives + falsePositives)
   * @param recall truePositives / (truePositives + falseNegatives)
   * @param recallExposed exposedCaught / exposedDishonest
   * @param availabilityExclusions other nodes quarantined for availability only (not flagged)
   */
  public record Detection(
      int truePositives,
      int falsePositives,
      int falseNegatives,
      int exposedDishonest,
      int exposedCaught,
      double precision,
      double recall,
      double recallExposed,
      int availabilityExclusions) {}

  /** Summary of a sample: count, mean, median, 95th and 99th percentile, max (NaN when empty). */
  public record Distribution(
      int count, double mean, double median, double p95, double p99, double max) {
    static Distribution of(List<Double> xs) {
      if (xs.isEmpty()) {
        return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Distribution(
          a.length,
          Arrays.stream(a).average().orElse(Double.NaN),
          rank(a, 0.5),
          rank(a, 0.95),
          rank(a, 0.99),
          a[a.length - 1]);
    }

    private static double rank(double[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    String text(String unit) {
      if (count == 0) {
        return "n/a";
      }
      return fmt(
          "median %s, p95 %s, p99 %s, max %s %s (mean %.1f, n=%d)",
          num(median), num(p95), num(p99), num(max), unit, mean, count);
    }

    private static String num(double x) {
      return x == Math.rint(x) ? Long.toString((long) x) : fmt("%.1f", x);
    }
  }

  static SimulationReport of(
      SimulationConfig config,
      long events,
      long transitions,
      List<Simulation.SimNode> nodes,
      Sentinel sentinel) {
    Map<Behaviour, List<Simulation.SimNode>> by = new EnumMap<>(Behaviour.class);
    for (Simulation.SimNode n : nodes) {
      by.computeIfAbsent(n.behaviour, b -> new ArrayList<>()).add(n);
    }
    Map<Behaviour, ClassStats> classes = new EnumMap<>(Behaviour.class);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int exposedDishonest = 0;
    int exposedCaught = 0;
    int within = 0;
    int honestDq = 0;
    int availability = 0;
    List<Double> audits = new ArrayList<>();
    List<Double> hours = new ArrayList<>();
    List<Double> noticed = new ArrayList<>();
    List<Double> vetting = new ArrayList<>();
    for (var entry : by.entrySet()) {
      Behaviour b = entry.getKey();
      int exposed = 0;
      int suspect = 0;
      int quarantined = 0;
      int dq = 0;
      Map<NodeState, Integer> finals = new EnumMap<>(NodeState.class);
      Map<String, Integer> causes = new TreeMap<>();
      Map<String, Integer> suspectCauses = new TreeMap<>();
      List<Double> classAudits = new ArrayList<>();
      for (Simulation.SimNode n : entry.getValue()) {
        finals.merge(sentinel.state(n.id), 1, Integer::sum);
        if (n.everSuspect) {
          suspect++;
          suspectCauses.merge(n.firstSuspectCause, 1, Integer::sum);
        }
        if (n.everQuarantined) {
          quarantined++;
          causes.merge(n.firstQuarantineCause, 1, Integer::sum);
        }
        if (n.disqualifiedAt >= 0) {
          dq++;
        }
        if (n.vettedAt >= 0 && n.joinAt > Simulation.EPOCH) {
          vetting.add((n.vettedAt - n.joinAt) / 3_600_000.0);
        }
        if (n.degradeNoticedAfter >= 0) {
          noticed.add((double) n.degradeNoticedAfter);
        }
        if (b.dishonest()) {
          if (n.everFlaggedIntegrity) {
            tp++;
          } else {
            fn++;
          }
          if (n.firstFaultAt >= 0) {
            exposed++;
            exposedDishonest++;
            if (n.caughtAt >= 0) {
              exposedCaught++;
              double a = n.auditsAtCaught - n.auditsBeforeFault;
              audits.add(a);
              classAudits.add(a);
              hours.add((n.caughtAt - n.firstFaultAt) / 3_600_000.0);
              if (a <= AUDIT_BAR) {
                within++;
              }
            }
          }
        } else {
          if (n.everFlaggedIntegrity) {
            fp++;
          } else if (n.everQuarantined) {
            availability++;
          }
          if (n.disqualifiedAt >= 0) {
            honestDq++;
          }
        }
      }
      classes.put(
          b,
          new ClassStats(
              entry.getValue().size(),
              exposed,
              suspect,
              quarantined,
              dq,
              finals,
              causes,
              suspectCauses,
              Distribution.of(classAudits)));
    }
    int dishonest = tp + fn;
    Detection d =
        new Detection(
            tp,
            fp,
            fn,
            exposedDishonest,
            exposedCaught,
            tp + fp == 0 ? 1 : tp / (double) (tp + fp),
            dishonest == 0 ? 1 : tp / (double) dishonest,
            exposedDishonest == 0 ? 1 : exposedCaught / (double) exposedDishonest,
            availability);
    return new SimulationReport(
        config,
        events,
        transitions,
        classes,
        d,
        Distribution.of(audits),
        Distribution.of(hours),
        Distribution.of(noticed),
        Distribution.of(vetting),
        honestDq,
        exposedDishonest == 0 ? 1 : within / (double) exposedDishonest);
  }

  /** The full report for a person. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        fmt(
            "sentinel simulation: seed %d, %d nodes, %d days, policy %s%n",
            config.seed(), config.nodes(), config.days(), config.policy().fingerprint()));
    sb.append(
        fmt(
            "  per node and hour: audit %.2f, retrieval %.2f, ping %.2f; timeout %d ms; %d shards"
                + " per node; %.0f%% join late%n",
            config.auditsPerHour(),
            config.retrievalsPerHour(),
            config.pingsPerHour(),
            config.timeoutMillis(),
            config.shardsPerNode(),
            100 * config.lateJoinerFraction()));
    sb.append(fmt("  %d evidence events, %d transitions%n%n", events, transitions));
    sb.append(
        fmt(
            "%-10s %6s %8s %8s %12s %6s   %s%n",
            "behaviour",
            "nodes",
            "exposed",
            "suspect",
            "quarantined",
            "DQ",
            "final healthy/suspect/quarantined/DQ"));
    for (Behaviour b : Behaviour.values()) {
      ClassStats c = classes.get(b);
      if (c == null) {
        continue;
      }
      sb.append(
          fmt(
              "%-10s %6d %8s %8d %12d %6d   %d/%d/%d/%d%n",
              name(b),
              c.nodes(),
              b.dishonest() ? Integer.toString(c.exposed()) : "-",
              c.everSuspect(),
              c.everQuarantined(),
              c.disqualified(),
              c.finalStates().getOrDefault(NodeState.HEALTHY, 0),
              c.finalStates().getOrDefault(NodeState.SUSPECT, 0),
              c.finalStates().getOrDefault(NodeState.QUARANTINED, 0),
              c.finalStates().getOrDefault(NodeState.DISQUALIFIED, 0)));
    }
    sb.append("\nfirst causes (suspect | quarantined or disqualified):\n");
    for (Behaviour b : Behaviour.values()) {
      ClassStats c = classes.get(b);
      if (c == null) {
        continue;
      }
      sb.append(
          fmt(
              "  %-10s %s | %s%n",
              name(b), causes(c.firstSuspectCauses()), causes(c.firstQuarantineCauses())));
    }
    sb.append("\nbehaviours:\n");
    for (Behaviour b : Behaviour.values()) {
      sb.append(fmt("  %-10s %s%n", name(b), b.description()));
    }
    sb.append(
        fmt(
            "%ndetection of dishonest nodes (flagged = quarantined or disqualified on integrity"
                + " evidence):%n"
                + "  precision %.4f (%d of %d flagged nodes are dishonest)%n"
                + "  recall    %.4f (%d of %d dishonest nodes flagged);"
                + " %d of %d exposed dishonest nodes quarantined after their first fault%n"
                + "  not counted as flagged: %d flaky or other honest nodes quarantined only for"
                + " availability (offline)%n",
            detection.precision(),
            detection.truePositives(),
            detection.truePositives() + detection.falsePositives(),
            detection.recall(),
            detection.truePositives(),
            detection.truePositives() + detection.falseNegatives(),
            detection.exposedCaught(),
            detection.exposedDishonest(),
            detection.availabilityExclusions()));
    sb.append("time from first fault to quarantine:\n");
    sb.append("  audits: ").append(auditsToQuarantine.text("audits")).append('\n');
    sb.append("  hours:  ").append(hoursToQuarantine.text("h")).append('\n');
    for (Behaviour b : Behaviour.values()) {
      ClassStats c = classes.get(b);
      if (c != null && b.dishonest()) {
        sb.append(fmt("  %-10s %s%n", name(b), c.auditsToQuarantine().text("audits")));
      }
    }
    sb.append(fmt("latency jumps noticed after: %s%n", samplesToNoticeLatencyJump.text("samples")));
    sb.append(fmt("vetting of late joiners took: %s%n", vettingHours.text("h")));
    sb.append(
        fmt(
            "%nbar: no honest or merely slow node disqualified: %s (%d disqualified)%n",
            honestDisqualified == 0 ? "PASS" : "FAIL", honestDisqualified));
    sb.append(
        fmt(
            "bar: >= 99%% of dishonest nodes quarantined within %d audits of their first fault:"
                + " %s (%.2f%%)%n",
            AUDIT_BAR,
            dishonestWithin10Audits >= CATCH_BAR ? "PASS" : "FAIL",
            100 * dishonestWithin10Audits));
    return sb.toString();
  }

  /** The report as one JSON document. */
  public String toJson() {
    ObjectNode o = Json.object();
    ObjectNode cfg = o.putObject("config");
    cfg.put("seed", config.seed());
    cfg.put("nodes", config.nodes());
    cfg.put("days", config.days());
    cfg.put("auditsPerHour", config.auditsPerHour());
    cfg.put("retrievalsPerHour", config.retrievalsPerHour());
    cfg.put("pingsPerHour", config.pingsPerHour());
    cfg.put("timeoutMillis", config.timeoutMillis());
    cfg.put("shardsPerNode", config.shardsPerNode());
    cfg.put("lateJoinerFraction", config.lateJoinerFraction());
    cfg.put("policy", config.policy().fingerprint());
    ObjectNode mix = cfg.putObject("mix");
    config.mix().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> mix.put(e.getKey().name(), e.getValue()));
    o.put("events", events);
    o.put("transitions", transitions);
    ObjectNode cl = o.putObject("classes");
    for (Behaviour b : Behaviour.values()) {
      ClassStats c = classes.get(b);
      if (c == null) {
        continue;
      }
      ObjectNode n = cl.putObject(b.name());
      n.put("nodes", c.nodes());
      n.put("exposed", c.exposed());
      n.put("everSuspect", c.everSuspect());
      n.put("everQuarantined", c.everQuarantined());
      n.put("disqualified", c.disqualified());
      ObjectNode f = n.putObject("finalStates");
      for (NodeState s : NodeState.values()) {
        f.put(s.name(), c.finalStates().getOrDefault(s, 0));
      }
      ObjectNode causes = n.putObject("firstQuarantineCauses");
      new TreeMap<>(c.firstQuarantineCauses()).forEach(causes::put);
      ObjectNode suspectCauses = n.putObject("firstSuspectCauses");
      new TreeMap<>(c.firstSuspectCauses()).forEach(suspectCauses::put);
      put(n, "auditsToQuarantine", c.auditsToQuarantine());
    }
    ObjectNode d = o.putObject("detection");
    d.put("truePositives", detection.truePositives());
    d.put("falsePositives", detection.falsePositives());
    d.put("falseNegatives", detection.falseNegatives());
    d.put("exposedDishonest", detection.exposedDishonest());
    d.put("exposedCaught", detection.exposedCaught());
    d.put("precision", detection.precision());
    d.put("recall", detection.recall());
    d.put("recallExposed", detection.recallExposed());
    d.put("availabilityExclusions", detection.availabilityExclusions());
    put(o, "auditsToQuarantine", auditsToQuarantine);
    put(o, "hoursToQuarantine", hoursToQuarantine);
    put(o, "samplesToNoticeLatencyJump", samplesToNoticeLatencyJump);
    put(o, "vettingHours", vettingHours);
    ObjectNode bars = o.putObject("bars");
    bars.put("honestDisqualified", honestDisqualified);
    bars.put("dishonestWithin10Audits", dishonestWithin10Audits);
    bars.put("met", barsMet());
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot happen: plain values", e);
    }
  }

  private static String name(Behaviour b) {
    return b.name().toLowerCase(Locale.ROOT);
  }

  private static String causes(Map<String, Integer> m) {
    if (m.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m)
        .forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }

  private static void put(ObjectNode o, String name, Distribution d) {
    ObjectNode n = o.putObject(name);
    n.put("count", d.count());
    if (d.count() > 0) {
      n.put("mean", d.mean());
      n.put("median", d.median());
      n.put("p95", d.p95());
      n.put("p99", d.p99());
      n.put("max", d.max());
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
