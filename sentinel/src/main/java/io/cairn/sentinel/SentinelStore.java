/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.internal.Json;
import io.cairn.sentinel.internal.NodeData;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Saves and restores a whole {@link Sentinel} (every node's scores, detectors, concerns, recent
 * transitions, and the evidence log) as one JSON document, so a client keeps its judgement of the
 * network between runs. The caller owns the file; this class only sees streams.
 *
 * <pre>{@code
 * {"format":"cairn-sentinel-state","version":1,"policy":"<fingerprint>","savedAt":…,
 *  "nodes":[{"node":"12D3KooW…","state":"SUSPECT",…,"transitions":[…]}, …],
 *  "evidence":[{"type":"audit-passed",…}, …]}
 * }</pre>
 *
 * <p>A state saved under one policy can be restored under another: the scores carry over and the
 * new thresholds apply from the next evidence on.
 */
public final class SentinelStore {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "cairn-sentinel-state";

  /** The current version. */
  public static final int VERSION = 1;

  /** Most nodes accepted in a state file. */
  public static final int MAX_NODES = 1_000_000;

  /** Most evidence events accepted in a state file (the largest {@code store.maxEvidence}). */
  public static final int MAX_EVIDENCE = 10_000_000;

  private SentinelStore() {}

  /** Writes the sentinel's whole state. */
  public static void write(Sentinel sentinel, Writer out) throws IOException {
    ObjectNode root = Json.object();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("policy", sentinel.policy().fingerprint());
    root.put("savedAt", sentinel.time().millis());
    ArrayNode nodes = root.putArray("nodes");
    for (NodeData d : sentinel.exportNodes()) {
      nodes.add(toTree(d));
    }
    ArrayNode evidence = root.putArray("evidence");
    for (Evidence e : sentinel.evidenceLog()) {
      evidence.add(EvidenceCodec.toTree(e));
    }
    Json.MAPPER.writeValue(new NonClosingWriter(out), root);
    out.write('\n');
    out.flush();
  }

  /**
   * Reads a state written by {@link #write}.
   *
   * @throws SentinelFormatException naming the node and field of the first bad value
   * @throws IOException if the reader fails
   */
  public static Sentinel read(Reader in, Policy policy, TimeSource time)
      throws IOException, SentinelFormatException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new SentinelFormatException("state: not JSON (" + e.getOriginalMessage() + ")");
    }
    String where = "state";
    Json.checkFields(
        root, Set.of("format", "version", "policy", "savedAt", "nodes", "evidence"), where);
    if (!FORMAT.equals(Json.text(root, "format", where))) {
      throw new SentinelFormatException(where + ": format must be '" + FORMAT + "'");
    }
    long version = Json.integer(root, "version", where);
    if (version != VERSION) {
      throw new SentinelFormatException(
          where + ": version " + version + " is not supported (this build reads " + VERSION + ")");
    }
    Json.text(root, "policy", where);
    Json.integer(root, "savedAt", where);
    JsonNode nodes = Json.array(root, "nodes", where, MAX_NODES);
    List<NodeData> data = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      data.add(fromTree(nodes.get(i), "state node " + i));
    }
    JsonNode ev = Json.array(root, "evidence", where, MAX_EVIDENCE);
    List<Evidence> evidence = new ArrayList<>(ev.size());
    for (int i = 0; i < ev.size(); i++) {
      evidence.add(EvidenceCodec.fromTree(ev.get(i), "state evidence " + i));
    }
    try {
      return Sentinel.restore(policy, time, data, evidence);
    } catch (IllegalArgumentException e) {
      throw new SentinelFormatException(where + ": " + e.getMessage());
    }
  }

  private static ObjectNode toTree(NodeData d) {
    ObjectNode o = Json.object();
    o.put("node", d.node());
    o.put("state", d.state().name());
    o.put("stateSince", d.stateSince());
    o.put("lastTroubleAt", d.lastTroubleAt());
    o.put("vetting", d.vetting());
    o.put("firstSeen", d.firstSeen());
    o.put("lastSeen", d.lastSeen());
    o.put("events", d.events());
    o.put("auditsPassed", d.auditsPassed());
    o.put("auditsFailed", d.auditsFailed());
    o.put("proofs", d.proofs());
    o.put("losses", d.losses());
    o.put("evasions", d.evasions());
    o.put("timeouts", d.timeouts());
    o.put("unreachable", d.unreachable());
    o.put("auditAlpha", d.auditAlpha());
    o.put("auditBeta", d.auditBeta());
    o.put("onlineAlpha", d.onlineAlpha());
    o.put("onlineBeta", d.onlineBeta());
    o.put("integrity", d.integrity());
    o.put("latencySamples", d.latencySamples());
    o.put("latencyMean", d.latencyMean());
    o.put("latencyVariance", d.latencyVariance());
    o.put("latencyFast", d.latencyFast());
    o.put("latencyShift", d.latencyShift());
    o.put("latencyRecent", d.latencyRecent());
    o.put("windowBits", d.windowBits());
    o.put("failureBaseline", d.failureBaseline());
    o.put("failureExcess", d.failureExcess());
    ArrayNode cs = o.putArray("concerns");
    for (Concern c : Concern.values()) {
      if (d.concerns().contains(c)) {
        cs.add(c.code());
      }
    }
    ObjectNode contained = o.putObject("contained");
    d.contained().forEach(contained::put);
    ArrayNode ts = o.putArray("transitions");
    for (Transition t : d.transitions()) {
      ts.add(toTree(t));
    }
    return o;
  }

  static ObjectNode toTree(Transition t) {
    ObjectNode o = Json.object();
    o.put("node", t.node());
    o.put("from", t.from().name());
    o.put("to", t.to().name());
    o.put("at", t.at());
    o.put("cause", t.cause());
    o.put("reason", t.reason());
    ObjectNode f = o.putObject("figures");
    t.figures().forEach(f::put);
    return o;
  }

  private static final Set<String> NODE_FIELDS =
      Set.of(
          "node",
          "state",
          "stateSince",
          "lastTroubleAt",
          "vetting",
          "firstSeen",
          "lastSeen",
          "events",
          "auditsPassed",
          "auditsFailed",
          "proofs",
          "losses",
          "evasions",
          "timeouts",
          "unreachable",
          "auditAlpha",
          "auditBeta",
          "onlineAlpha",
          "onlineBeta",
          "integrity",
          "latencySamples",
          "latencyMean",
          "latencyVariance",
          "latencyFast",
          "latencyShift",
          "latencyRecent",
          "windowBits",
          "failureBaseline",
          "failureExcess",
          "concerns",
          "contained",
          "transitions");

  private static NodeData fromTree(JsonNode o, String where) throws SentinelFormatException {
    Json.checkFields(o, NODE_FIELDS, where);
    String node = Json.text(o, "node", where);
    where = where + " (" + Json.clip(node) + ")";
    JsonNode cs = Json.array(o, "concerns", where, Concern.values().length);
    EnumSet<Concern> concerns = EnumSet.noneOf(Concern.class);
    for (JsonNode c : cs) {
      if (!c.isTextual()) {
        throw new SentinelFormatException(where + ": concerns must be strings");
      }
      try {
        concerns.add(Concern.ofCode(c.textValue()));
      } catch (IllegalArgumentException e) {
        throw new SentinelFormatException(where + ": " + e.getMessage());
      }
    }
    JsonNode co = Json.objectField(o, "contained", where);
    if (co.size() > NodeData.MAX_CONTAINED) {
      throw new SentinelFormatException(
          where + ": at most " + NodeData.MAX_CONTAINED + " contained shards");
    }
    Map<String, Integer> contained = new LinkedHashMap<>();
    for (var e : co.properties()) {
      if (!e.getValue().isInt()) {
        throw new SentinelFormatException(where + ": contained counts must be integers");
      }
      contained.put(e.getKey(), e.getValue().intValue());
    }
    JsonNode ts = Json.array(o, "transitions", where, 1000);
    List<Transition> transitions = new ArrayList<>(ts.size());
    for (int i = 0; i < ts.size(); i++) {
      transitions.add(transition(ts.get(i), where + " transition " + i));
    }
    try {
      return new NodeData(
          node,
          Json.enumValue(o, "state", NodeState.class, where),
          Json.integer(o, "stateSince", where),
          Json.integer(o, "lastTroubleAt", where),
          Json.bool(o, "vetting", where),
          Json.integer(o, "firstSeen", where),
          Json.integer(o, "lastSeen", where),
          Json.integer(o, "events", where),
          Json.integer(o, "auditsPassed", where),
          Json.integer(o, "auditsFailed", where),
          Json.integer(o, "proofs", where),
          Json.integer(o, "losses", where),
          Json.integer(o, "evasions", where),
          Json.integer(o, "timeouts", where),
          Json.integer(o, "unreachable", where),
          Json.number(o, "auditAlpha", where),
          Json.number(o, "auditBeta", where),
          Json.number(o, "onlineAlpha", where),
          Json.number(o, "onlineBeta", where),
          Json.number(o, "integrity", where),
          Json.integer(o, "latencySamples", where),
          Json.number(o, "latencyMean", where),
          Json.number(o, "latencyVariance", where),
          Json.number(o, "latencyFast", where),
          Json.number(o, "latencyShift", where),
          Json.number(o, "latencyRecent", where),
          Json.integer(o, "windowBits", where),
          Json.number(o, "failureBaseline", where),
          Json.number(o, "failureExcess", where),
          concerns,
          contained,
          transitions);
    } catch (IllegalArgumentException e) {
      throw new SentinelFormatException(where + ": " + e.getMessage());
    }
  }

  private static final Set<String> TRANSITION_FIELDS =
      Set.of("node", "from", "to", "at", "cause", "reason", "figures");

  static Transition transition(JsonNode o, String where) throws SentinelFormatException {
    Json.checkFields(o, TRANSITION_FIELDS, where);
    JsonNode f = Json.objectField(o, "figures", where);
    if (f.size() > 100) {
      throw new SentinelFormatException(where + ": at most 100 figures");
    }
    SortedMap<String, Double> figures = new TreeMap<>();
    for (var it = f.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      figures.put(k, Json.number(f, k, where + " figures"));
    }
    try {
      return new Transition(
          Json.text(o, "node", where),
          Json.enumValue(o, "from", NodeState.class, where),
          Json.enumValue(o, "to", NodeState.class, where),
          Json.integer(o, "at", where),
          Json.text(o, "cause", where),
          Json.text(o, "reason", where),
          figures);
    } catch (IllegalArgumentException e) {
      throw new SentinelFormatException(where + ": " + e.getMessage());
    }
  }

  /** Jackson closes the target after writeValue; the caller owns the writer. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
