/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import io.cairn.sentinel.internal.NodeData;
import io.cairn.sentinel.internal.NodeRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sentinel (DESIGN.md, "Sentinel"): turns evidence about nodes into per-node reputation,
 * anomaly signals and a state, and tells placement whom to skip and whom to rank lower.
 *
 * <p>Per node it keeps
 *
 * <ul>
 *   <li>an <b>audit score</b>: Beta(alpha, beta) with forgetting, as Storj's audit reputation
 *       ({@code alpha = lambda*alpha + w*(1+v)/2}, {@code beta = lambda*beta + w*(1-v)/2}), moved
 *       only by answers (passes, failures, proofs of false data), never by timeouts;
 *   <li>an <b>online score</b>: the same over reachability;
 *   <li>an <b>integrity statistic</b>: a CUSUM of the log likelihood ratio "loses data at the
 *       dishonest rate" against "at the honest rate", so one fault on a clean record is noticed at
 *       once instead of after the score has drifted for days;
 *   <li>a <b>latency detector</b>: baseline and CUSUM over log latency (sudden shifts within a few
 *       samples) and an absolute slow line;
 *   <li>a <b>failure window</b>: the last few requests against the node's own long-run failure
 *       rate;
 *   <li><b>containment</b>: a shard that timed out is re-audited first; one that keeps timing out
 *       while the node is reachable counts as evasion.
 * </ul>
 *
 * <p>Raised {@link Concern}s drive the state machine HEALTHY, SUSPECT, QUARANTINED, DISQUALIFIED
 * with hysteresis (separate raise and release lines, minimum dwell times) and a {@link Transition}
 * with a reason for every change. New nodes are vetting until they pass {@code vetting.audits}
 * audits.
 *
 * <p>Pure: no I/O, time only from the evidence and the injected {@link TimeSource}. Replaying the
 * same evidence under the same policy always ends in the same states. Thread-safe (every method is
 * synchronised).
 */
public final class Sentinel {
  private final Policy policy;
  private final TimeSource time;
  private final TreeMap<String, NodeRecord> nodes = new TreeMap<>();
  private final ArrayDeque<Evidence> log = new ArrayDeque<>();
  private final boolean keepLog;

  /** An empty sentinel that keeps up to {@code store.maxEvidence} events for dry-runs. */
  public Sentinel(Policy policy, TimeSource time) {
    this(policy, time, true);
  }

  private Sentinel(Policy policy, TimeSource time, boolean keepLog) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.time = Objects.requireNonNull(time, "time");
    this.keepLog = keepLog;
  }

  /**
   * An empty sentinel that keeps no evidence log: for simulations and replays that do not need one.
   */
  public static Sentinel withoutLog(Policy policy, TimeSource time) {
    return new Sentinel(policy, time, false);
  }

  /** Replays {@code evidence} in order into a new sentinel (without a log) under {@code policy}. */
  public static Sentinel replay(Policy policy, Iterable<? extends Evidence> evidence) {
    long[] now = {0};
    Sentinel s = withoutLog(policy, () -> now[0]);
    for (Evidence e : evidence) {
      now[0] = Math.max(now[0], e.at());
      s.record(e);
    }
    return s;
  }

  public Policy policy() {
    return policy;
  }

  public TimeSource time() {
    return time;
  }

  /**
   * Takes one piece of evidence into account.
   *
   * @return the transitions it caused, in order: usually none; a state change, the end of vetting,
   *     or both
   */
  public synchronized List<Transition> record(Evidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    NodeRecord r = nodes.get(evidence.node());
    if (r == null) {
      r = new NodeRecord(evidence.node(), evidence.at(), policy);
      nodes.put(evidence.node(), r);
    }
    if (keepLog && policy.storeMaxEvidence() > 0) {
      log.addLast(evidence);
      while (log.size() > policy.storeMaxEvidence()) {
        log.removeFirst();
      }
    }
    List<Transition> out = new ArrayList<>(2);
    r.apply(evidence, policy, out);
    return out;
  }

  /** Records every piece of evidence in order and returns all transitions caused. */
  public synchronized List<Transition> recordAll(Iterable<? extends Evidence> evidence) {
    List<Transition> out = new ArrayList<>();
    for (Evidence e : evidence) {
      out.addAll(record(e));
    }
    return out;
  }

  /**
   * Re-runs every node's state machine at the time source's now, so minimum dwell times that have
   * passed since the node's last evidence take effect (a node released from quarantine when nothing
   * was heard from it for a day, say).
   */
  public synchronized List<Transition> refresh() {
    long now = time.millis();
    List<Transition> out = new ArrayList<>();
    for (NodeRecord r : nodes.values()) {
      r.refresh(now, policy, out);
    }
    return out;
  }

  /** The node's current view, if it has ever been seen. */
  public synchronized Optional<NodeSnapshot> node(String node) {
    NodeRecord r = nodes.get(node);
    return r == null ? Optional.empty() : Optional.of(r.snapshot(policy));
  }

  /** Every known node, by id. */
  public synchronized List<NodeSnapshot> nodes() {
    List<NodeSnapshot> out = new ArrayList<>(nodes.size());
    for (NodeRecord r : nodes.values()) {
      out.add(r.snapshot(policy));
    }
    return out;
  }

  /** The node's state; a node never seen is {@link NodeState#HEALTHY} (and vetting). */
  public synchronized NodeState state(String node) {
    NodeRecord r = nodes.get(node);
    return r == null ? NodeState.HEALTHY : r.state();
  }

  /**
   * Shards of {@code node} that timed out and should be audited before any other (containment),
   * oldest first. An audit engine that follows this catches nodes that time out on purpose for data
   * they deleted.
   */
  public synchronized List<String> pendingReaudits(String node) {
    NodeRecord r = nodes.get(node);
    return r == null ? List.of() : r.pendingReaudits();
  }

  /** A deterministic view for placement of every known node's standing right now. */
  public synchronized PlacementView placementView() {
    TreeMap<String, PlacementView.Standing> m = new TreeMap<>();
    for (NodeRecord r : nodes.values()) {
      m.put(r.node(), PlacementView.standing(r.state(), r.vetting()));
    }
    return new PlacementView(policy.fingerprint(), policy.vettingPlacementShare(), m);
  }

  /** The evidence kept for dry-runs, oldest first (at most {@code store.maxEvidence}). */
  public synchronized List<Evidence> evidenceLog() {
    return List.copyOf(log);
  }

  /** Number of known nodes. */
  public synchronized int size() {
    return nodes.size();
  }

  synchronized List<NodeData> exportNodes() {
    List<NodeData> out = new ArrayList<>(nodes.size());
    for (NodeRecord r : nodes.values()) {
      out.add(r.export());
    }
    return out;
  }

  /** Restores saved state ({@link SentinelStore}). */
  static Sentinel restore(
      Policy policy, TimeSource time, Collection<NodeData> nodes, List<Evidence> evidence) {
    Sentinel s = new Sentinel(policy, time, true);
    for (NodeData d : nodes) {
      if (s.nodes.put(d.node(), NodeRecord.restore(d)) != null) {
        throw new IllegalArgumentException("node " + d.node() + " appears twice");
      }
    }
    int max = policy.storeMaxEvidence();
    int skip = Math.max(0, evidence.size() - max);
    for (int i = skip; i < evidence.size(); i++) {
      s.log.addLast(evidence.get(i));
    }
    return s;
  }
}
