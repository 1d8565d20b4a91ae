/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.internal.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The node report ({@code cairn sentinel report}) as text or JSON. */
public final class Reports {
  private Reports() {}

  /** How many recent state changes the text report shows per node (JSON has them all). */
  public static final int TEXT_REASONS = 3;

  /**
   * Every node's state, scores, concerns and latest reasons, for a person.
   *
   * @param now the time the report is made, for the header
   */
  public static String nodesText(Sentinel sentinel, long now) {
    List<NodeSnapshot> nodes = sentinel.nodes();
    StringBuilder sb = new StringBuilder();
    sb.append(
        fmt(
            "sentinel: %d nodes, policy %s, as of %s%n",
            nodes.size(), sentinel.policy().fingerprint(), DryRun.time(now)));
    Map<NodeState, Integer> counts = new EnumMap<>(NodeState.class);
    int vetting = 0;
    int width = 4;
    for (NodeSnapshot n : nodes) {
      counts.merge(n.state(), 1, Integer::sum);
      vetting += n.vetting() ? 1 : 0;
      width = Math.max(width, n.node().length());
    }
    sb.append(" ");
    for (NodeState s : NodeState.values()) {
      sb.append(fmt(" %s %d,", s, counts.getOrDefault(s, 0)));
    }
    sb.append(fmt(" vetting %d%n", vetting));
    if (nodes.isEmpty()) {
      return sb.toString();
    }
    String row = "%-" + width + "s  %-12s %-4s %6s %7s %7s %9s  %s%n";
    sb.append('\n')
        .append(
            fmt(row, "node", "state", "vet", "audit", "online", "integ", "latency", "concerns"));
    for (NodeSnapshot n : nodes) {
      StringBuilder cs = new StringBuilder();
      for (Concern c : n.concerns()) {
        cs.append(cs.isEmpty() ? "" : ",").append(c.code());
      }
      sb.append(
          fmt(
              row,
              n.node(),
              n.state(),
              n.vetting() ? "yes" : "-",
              fmt("%.3f", n.auditScore()),
              fmt("%.3f", n.onlineScore()),
              fmt("%.2f", n.integrity()),
              n.typicalLatencyMillis() < 0 ? "-" : n.typicalLatencyMillis() + " ms",
              cs.isEmpty() ? "-" : cs));
      List<Transition> ts = n.recentTransitions().stream().filter(t -> !t.vettingOnly()).toList();
      for (int i = Math.max(0, ts.size() - TEXT_REASONS); i < ts.size(); i++) {
        Transition t = ts.get(i);
        sb.append(
            fmt(
                "    %s %s -> %s (%s): %s%n",
                DryRun.time(t.at()), t.from(), t.to(), t.cause(), t.reason()));
      }
    }
    return sb.toString();
  }

  /** The same as one JSON document, with every kept transition and its figures. */
  public static String nodesJson(Sentinel sentinel, long now) {
    ObjectNode root = Json.object();
    root.put("policy", sentinel.policy().fingerprint());
    root.put("asOf", now);
    ObjectNode counts = root.putObject("counts");
    List<NodeSnapshot> nodes = sentinel.nodes();
    for (NodeState s : NodeState.values()) {
      counts.put(s.name(), nodes.stream().filter(n -> n.state() == s).count());
    }
    ArrayNode arr = root.putArray("nodes");
    for (NodeSnapshot n : nodes) {
      ObjectNode o = arr.addObject();
      o.put("node", n.node());
      o.put("state", n.state().name());
      o.put("stateSince", n.stateSince());
      o.put("vetting", n.vetting());
      o.put("auditScore", n.auditScore());
      o.put("onlineScore", n.onlineScore());
      o.put("integrity", n.integrity());
      o.put("typicalLatencyMillis", n.typicalLatencyMillis());
      o.put("baselineLatencyMillis", n.baselineLatencyMillis());
      o.put("latencyShift", n.latencyShift());
      o.put("windowFailures", n.windowFailures());
      o.put("failureBaseline", n.failureBaseline());
      o.put("auditsPassed", n.auditsPassed());
      o.put("auditsFailed", n.auditsFailed());
      o.put("proofs", n.proofs());
      o.put("evasions", n.evasions());
      o.put("timeouts", n.timeouts());
      o.put("unreachable", n.unreachable());
      o.put("events", n.events());
      o.put("firstSeen", n.firstSeen());
      o.put("lastSeen", n.lastSeen());
      ArrayNode cs = o.putArray("concerns");
      n.concerns().forEach(c -> cs.add(c.code()));
      ArrayNode pr = o.putArray("pendingReaudits");
      n.pendingReaudits().forEach(pr::add);
      ArrayNode ts = o.putArray("transitions");
      n.recentTransitions().forEach(t -> ts.add(SentinelStore.toTree(t)));
    }
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot happen: plain values", e);
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
