/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a policy change would do (DESIGN.md: "a dry-run mode shows what a policy change would do to
 * the current network"): replays the same recorded evidence under a baseline policy and a candidate
 * policy and lists the nodes that would end in a different state, or would have reached a different
 * worst state on the way, each with the reasons under both policies.
 */
public final class DryRun {
  private DryRun() {}

  /** One knob that differs. */
  public record PolicyChange(String key, double baseline, double candidate) {}

  /**
   * One node whose outcome differs.
   *
   * @param node the node
   * @param baselineState its final state under the baseline policy
   * @param candidateState its final state under the candidate policy
   * @param baselineWorst the most severe state it reached under the baseline
   * @param candidateWorst the most severe state it reached under the candidate
   * @param baselineWorstAt when it first reached its worst state under the baseline, or -1 if it
   *     stayed healthy
   * @param candidateWorstAt the same under the candidate
   * @param baselineReason the last state change under the baseline, or null if none
   * @param candidateReason the last state change under the candidate, or null if none
   */
  public record NodeChange(
      String node,
      NodeState baselineState,
      NodeState candidateState,
      NodeState baselineWorst,
      NodeState candidateWorst,
      long baselineWorstAt,
      long candidateWorstAt,
      Transition baselineReason,
      Transition candidateReason) {
    public NodeChange {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(baselineState, "baselineState");
      Objects.requireNonNull(candidateState, "candidateState");
      Objects.requireNonNull(baselineWorst, "baselineWorst");
      Objects.requireNonNull(candidateWorst, "candidateWorst");
    }

    /** Whether the final state differs. */
    public boolean finalStateDiffers() {
      return baselineState != candidateState;
    }

    /** Whether the most severe state reached on the way differs. */
    public boolean worstStateDiffers() {
      return baselineWorst != candidateWorst;
    }
  }

  /**
   * The outcome of a dry-run.
   *
   * @param events evidence events replayed
   * @param nodes distinct nodes in the evidence
   * @param firstAt time of the first event (0 if none)
   * @param lastAt time of the last event (0 if none)
   * @param baselineFingerprint the baseline policy's fingerprint
   * @param candidateFingerprint the candidate policy's fingerprint
   * @param policyChanges the knobs that differ
   * @param baselineCounts nodes per final state under the baseline
   * @param candidateCounts nodes per final state under the candidate
   * @param baselineTransitions state changes under the baseline (vetting ends not counted)
   * @param candidateTransitions state changes under the candidate
   * @param changes nodes whose final state, worst state, or time of reaching the worst state
   *     differs, by id
   */
  public record Report(
      int events,
      int nodes,
      long firstAt,
      long lastAt,
      String baselineFingerprint,
      String candidateFingerprint,
      List<PolicyChange> policyChanges,
      Map<NodeState, Integer> baselineCounts,
      Map<NodeState, Integer> candidateCounts,
      int baselineTransitions,
      int candidateTransitions,
      List<NodeChange> changes) {
    public Report {
      policyChanges = List.copyOf(policyChanges);
      baselineCounts = Map.copyOf(baselineCounts);
      candidateCounts = Map.copyOf(candidateCounts);
      changes = List.copyOf(changes);
    }

    /** The report for a person. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          fmt(
              "dry-run: %d events about %d nodes, %s to %s%n",
              events, nodes, time(firstAt), time(lastAt)));
      sb.append(
          fmt(
              "baseline policy %s, candidate policy %s%n",
              baselineFingerprint, candidateFingerprint));
      if (policyChanges.isEmpty()) {
        sb.append("policy changes: none\n");
      } else {
        sb.append("policy changes:\n");
        for (PolicyChange c : policyChanges) {
          sb.append(
              fmt(
                  "  %-32s %s -> %s%n",
                  c.key(), Policy.format(c.baseline()), Policy.format(c.candidate())));
        }
      }
      sb.append(fmt("%nfinal states        baseline  candidate%n"));
      for (NodeState s : NodeState.values()) {
        sb.append(
            fmt(
                "  %-16s %10d %10d%n",
                s, baselineCounts.getOrDefault(s, 0), candidateCounts.getOrDefault(s, 0)));
      }
      sb.append(
          fmt("  %-16s %10d %10d%n", "transitions", baselineTransitions, candidateTransitions));
      long finals = changes.stream().filter(NodeChange::finalStateDiffers).count();
      long worst =
          changes.stream().filter(c -> !c.finalStateDiffers() && c.worstStateDiffers()).count();
      sb.append(
          fmt(
              "%n%d nodes would end in a different state; %d more would reach a different worst"
                  + " state on the way; %d more would reach the same worst state at another time%n",
              finals, worst, changes.size() - finals - worst));
      for (NodeChange c : changes) {
        sb.append(
            fmt(
                "%n%s: final %s -> %s, worst %s -> %s%s%n",
                c.node(),
                c.baselineState(),
                c.candidateState(),
                c.baselineWorst(),
                c.candidateWorst(),
                timing(c)));
        sb.append("  baseline:  ").append(describe(c.baselineReason())).append('\n');
        sb.append("  candidate: ").append(describe(c.candidateReason())).append('\n');
      }
      return sb.toString();
    }

    /** The report as one JSON document. */
    public String toJson() {
      ObjectNode o = Json.object();
      o.put("events", events);
      o.put("nodes", nodes);
      o.put("firstAt", firstAt);
      o.put("lastAt", lastAt);
      o.put("baselinePolicy", baselineFingerprint);
      o.put("candidatePolicy", candidateFingerprint);
      ArrayNode pc = o.putArray("policyChanges");
      for (PolicyChange c : policyChanges) {
        pc.addObject()
            .put("key", c.key())
            .put("baseline", c.baseline())
            .put("candidate", c.candidate());
      }
      ObjectNode counts = o.putObject("finalStates");
      for (NodeState s : NodeState.values()) {
        counts
            .putObject(s.name())
            .put("baseline", baselineCounts.getOrDefault(s, 0))
            .put("candidate", candidateCounts.getOrDefault(s, 0));
      }
      o.put("baselineTransitions", baselineTransitions);
      o.put("candidateTransitions", candidateTransitions);
      ArrayNode ch = o.putArray("changes");
      for (NodeChange c : changes) {
        ObjectNode n = ch.addObject();
        n.put("node", c.node());
        n.put("baselineState", c.baselineState().name());
        n.put("candidateState", c.candidateState().name());
        n.put("baselineWorst", c.baselineWorst().name());
        n.put("candidateWorst", c.candidateWorst().name());
        n.put("baselineWorstAt", c.baselineWorstAt());
        n.put("candidateWorstAt", c.candidateWorstAt());
        if (c.baselineReason() != null) {
          n.set("baselineReason", SentinelStore.toTree(c.baselineReason()));
        }
        if (c.candidateReason() != null) {
          n.set("candidateReason", SentinelStore.toTree(c.candidateReason()));
        }
      }
      try {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
      } catch (JacksonException e) {
        throw new IllegalStateException("cannot happen: plain values", e);
      }
    }

    private static String timing(NodeChange c) {
      if (c.worstStateDiffers() || c.baselineWorstAt() < 0 || c.candidateWorstAt() < 0) {
        return "";
      }
      long d = c.candidateWorstAt() - c.baselineWorstAt();
      if (d == 0) {
        return "";
      }
      return fmt(", reached %.1f h %s", Math.abs(d) / 3_600_000.0, d > 0 ? "later" : "earlier");
    }

    private static String describe(Transition t) {
      if (t == null) {
        return "no state change (stayed HEALTHY)";
      }
      return fmt("%s %s -> %s (%s): %s", time(t.at()), t.from(), t.to(), t.cause(), t.reason());
    }
  }

  /**
   * Replays {@code evidence} (in order) under both policies.
   *
   * @param evidence recorded evidence, oldest first
   * @param baseline the policy in force
   * @param candidate the policy being considered
   */
  public static Report compare(List<Evidence> evidence, Policy baseline, Policy candidate) {
    Outcome a = replay(evidence, baseline);
    Outcome b = replay(evidence, candidate);
    List<PolicyChange> pc = new ArrayList<>();
    baseline.diff(candidate).forEach((k, v) -> pc.add(new PolicyChange(k, v[0], v[1])));
    List<NodeChange> changes = new ArrayList<>();
    for (NodeSnapshot na : a.sentinel.nodes()) {
      NodeSnapshot nb = b.sentinel.node(na.node()).orElseThrow();
      NodeState wa = a.worst.getOrDefault(na.node(), NodeState.HEALTHY);
      NodeState wb = b.worst.getOrDefault(na.node(), NodeState.HEALTHY);
      long ta = a.worstAt.getOrDefault(na.node(), -1L);
      long tb = b.worstAt.getOrDefault(na.node(), -1L);
      if (na.state() != nb.state() || wa != wb || ta != tb) {
        changes.add(
            new NodeChange(
                na.node(),
                na.state(),
                nb.state(),
                wa,
                wb,
                ta,
                tb,
                a.last.get(na.node()),
                b.last.get(na.node())));
      }
    }
    long first = evidence.isEmpty() ? 0 : evidence.getFirst().at();
    long last = evidence.isEmpty() ? 0 : evidence.getLast().at();
    return new Report(
        evidence.size(),
        a.sentinel.size(),
        first,
        last,
        baseline.fingerprint(),
        candidate.fingerprint(),
        pc,
        a.counts(),
        b.counts(),
        a.transitions,
        b.transitions,
        changes);
  }

  private record Outcome(
      Sentinel sentinel,
      Map<String, NodeState> worst,
      Map<String, Long> worstAt,
      Map<String, Transition> last,
      int transitions) {
    Map<NodeState, Integer> counts() {
      Map<NodeState, Integer> m = new EnumMap<>(NodeState.class);
      for (NodeSnapshot n : sentinel.nodes()) {
        m.merge(n.state(), 1, Integer::sum);
      }
      return m;
    }
  }

  private static Outcome replay(List<Evidence> evidence, Policy policy) {
    long[] now = {0};
    Sentinel s = Sentinel.withoutLog(policy, () -> now[0]);
    SortedMap<String, NodeState> worst = new TreeMap<>();
    Map<String, Long> worstAt = new HashMap<>();
    Map<String, Transition> last = new HashMap<>();
    int count = 0;
    for (Evidence e : evidence) {
      now[0] = Math.max(now[0], e.at());
      for (Transition t : s.record(e)) {
        if (t.vettingOnly()) {
          continue;
        }
        count++;
        last.put(t.node(), t);
        NodeState w = worst.getOrDefault(t.node(), NodeState.HEALTHY);
        if (t.to().compareTo(w) > 0) {
          worst.put(t.node(), t.to());
          worstAt.put(t.node(), t.at());
        }
      }
    }
    return new Outcome(s, worst, worstAt, last, count);
  }

  static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
