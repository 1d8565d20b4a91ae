/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.internal;

import io.cairn.sentinel.Concern;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.NodeSnapshot;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sentinel's running state for one node: reputation (two Beta scores with forgetting), the
 * anomaly detectors (integrity CUSUM, latency CUSUM, failure window), containment, the raised
 * concerns and the state machine. Not thread-safe; the {@code Sentinel} serialises access.
 *
 * <p>Every update is a pure function of the previous state, the evidence and the policy, so a
 * replay of the same evidence under the same policy ends in the same state.
 */
public final class NodeRecord {
  private static final long HOUR = 3_600_000L;

  /** Smoothing of the recent latency the shift's size is measured with (about 3 samples). */
  public static final double RECENT_ALPHA = 0.5;

  /** A latency sample moves the baseline as if it were at most this many deviations away. */
  public static final double WINSOR_SIGMAS = 3;

  private final String node;
  private NodeState state = NodeState.HEALTHY;
  private long stateSince;
  private long lastTroubleAt;
  private boolean vetting;
  private final long firstSeen;
  private long lastSeen;
  private long events;

  private long auditsPassed;
  private long auditsFailed;
  private long proofs;
  private long losses;
  private long evasions;
  private long timeouts;
  private long unreachable;

  private double auditAlpha;
  private double auditBeta;
  private double onlineAlpha;
  private double onlineBeta;
  private double integrity;

  private long latencySamples;
  private double latencyMean;
  private double latencyVariance;
  private double latencyFast;
  private double latencyShift;
  private double latencyRecent;

  private long windowBits;
  private double failureBaseline;
  private double failureExcess;

  private final EnumSet<Concern> concerns = EnumSet.noneOf(Concern.class);
  private final LinkedHashMap<String, Integer> contained = new LinkedHashMap<>();
  private final ArrayDeque<Transition> transitions = new ArrayDeque<>();

  /** A node seen for the first time at {@code at}. */
  public NodeRecord(String node, long at, Policy policy) {
    Evidence.checkId("node", node);
    this.node = node;
    this.firstSeen = at;
    this.lastSeen = at;
    this.stateSince = at;
    this.lastTroubleAt = Long.MIN_VALUE / 2;
    this.vetting = policy.vettingAudits() > 0;
    this.auditAlpha = policy.auditPriorAlpha();
    this.onlineAlpha = policy.onlinePriorAlpha();
  }

  private NodeRecord(NodeData d) {
    this.node = d.node();
    this.state = d.state();
    this.stateSince = d.stateSince();
    this.lastTroubleAt = d.lastTroubleAt();
    this.vetting = d.vetting();
    this.firstSeen = d.firstSeen();
    this.lastSeen = d.lastSeen();
    this.events = d.events();
    this.auditsPassed = d.auditsPassed();
    this.auditsFailed = d.auditsFailed();
    this.proofs = d.proofs();
    this.losses = d.losses();
    this.evasions = d.evasions();
    this.timeouts = d.timeouts();
    this.unreachable = d.unreachable();
    this.auditAlpha = d.auditAlpha();
    this.auditBeta = d.auditBeta();
    this.onlineAlpha = d.onlineAlpha();
    this.onlineBeta = d.onlineBeta();
    this.integrity = d.integrity();
    this.latencySamples = d.latencySamples();
    this.latencyMean = d.latencyMean();
    this.latencyVariance = d.latencyVariance();
    this.latencyFast = d.latencyFast();
    this.latencyShift = d.latencyShift();
    this.latencyRecent = d.latencyRecent();
    this.windowBits = d.windowBits();
    this.failureBaseline = d.failureBaseline();
    this.failureExcess = d.failureExcess();
    this.concerns.addAll(d.concerns());
    this.contained.putAll(d.contained());
    this.transitions.addAll(d.transitions());
  }

  /** Restores a record saved with {@link #export()}. */
  public static NodeRecord restore(NodeData data) {
    return new NodeRecord(data);
  }

  /** The record as plain values. */
  public NodeData export() {
    return new NodeData(
        node,
        state,
        stateSince,
        lastTroubleAt,
        vetting,
        firstSeen,
        lastSeen,
        events,
        auditsPassed,
        auditsFailed,
        proofs,
        losses,
        evasions,
        timeouts,
        unreachable,
        auditAlpha,
        auditBeta,
        onlineAlpha,
        onlineBeta,
        integrity,
        latencySamples,
        latencyMean,
        latencyVariance,
        latencyFast,
        latencyShift,
        latencyRecent,
        windowBits,
        failureBaseline,
        failureExcess,
        concerns,
        contained,
        List.copyOf(transitions));
  }

  public String node() {
    return node;
  }

  public NodeState state() {
    return state;
  }

  public boolean vetting() {
    return vetting;
  }

  public long lastSeen() {
    return lastSeen;
  }

  /** Shards to re-audit first, oldest first. */
  public List<String> pendingReaudits() {
    return List.copyOf(contained.keySet());
  }

  public double auditScore() {
    return auditAlpha / (auditAlpha + auditBeta);
  }

  public double onlineScore() {
    return onlineAlpha / (onlineAlpha + onlineBeta);
  }

  /** Smoothed typical latency in ms, or -1 before any sample. */
  public long typicalLatencyMillis() {
    return latencySamples == 0 ? -1 : Math.round(Math.exp(latencyFast));
  }

  /** Latency of the last few samples (geometric, smoothing {@link #RECENT_ALPHA}), or -1. */
  private long recentLatencyMillis() {
    return latencySamples == 0 ? -1 : Math.round(Math.exp(latencyRecent));
  }

  private long baselineLatencyMillis() {
    return latencySamples == 0 ? -1 : Math.round(Math.exp(latencyMean));
  }

  private int windowFailures(Policy p) {
    return Long.bitCount(windowBits & windowMask(p));
  }

  private static long windowMask(Policy p) {
    int w = p.failureWindow();
    return w >= 64 ? -1L : (1L << w) - 1;
  }

  /**
   * Applies one piece of evidence about this node and runs the state machine.
   *
   * @param out receives the transitions this evidence caused (a state change and/or the end of
   *     vetting), in order
   */
  public void apply(Evidence e, Policy p, List<Transition> out) {
    long t = Math.max(lastSeen, e.at());
    lastSeen = t;
    events++;
    String trigger =
        switch (e) {
          case Evidence.AuditPassed a -> {
            auditOutcome(true, 0, p);
            clean(p);
            online(true, p);
            window(false, p);
            latency(a.latencyMillis(), p);
            contained.remove(a.shard());
            auditsPassed++;
            yield "audit of " + a.shard() + " passed";
          }
          case Evidence.AuditFailed a -> {
            boolean proof = a.failure().proof();
            auditOutcome(false, proof ? p.auditProofWeight() : p.auditFailureWeight(), p);
            fault(proof ? p.proofFactor() : 1, p);
            online(true, p);
            window(true, p);
            contained.remove(a.shard());
            auditsFailed++;
            if (proof) {
              proofs++;
            } else {
              losses++;
            }
            yield switch (a.failure()) {
              case WRONG_HASH ->
                  "audit of " + a.shard() + " answered with a wrong hash (a signed false claim)";
              case NOT_FOUND -> "audit of " + a.shard() + ": the node no longer has the shard";
              case BAD_TIME ->
                  "audit of " + a.shard() + " answered with a time outside the challenge window";
            };
          }
          case Evidence.AuditTimedOut a -> {
            timeouts++;
            window(true, p);
            yield timedOut(a.shard(), "audit", p);
          }
          case Evidence.RetrievalSucceeded r -> {
            auditOutcome(true, 0, p);
            clean(p);
            online(true, p);
            window(false, p);
            latency(r.latencyMillis(), p);
            contained.remove(r.shard());
            yield "retrieval of " + r.shard() + " verified";
          }
          case Evidence.RetrievalFailed r -> {
            window(true, p);
            yield switch (r.failure()) {
              case NOT_FOUND -> {
                auditOutcome(false, p.auditFailureWeight(), p);
                fault(1, p);
                online(true, p);
                contained.remove(r.shard());
                losses++;
                yield "retrieval of "
                    + r.shard()
                    + ": the node no longer has a shard it signed a receipt for";
              }
              case REFUSED -> {
                online(true, p);
                yield "retrieval of " + r.shard() + " refused";
              }
              case ERROR -> timedOut(r.shard(), "retrieval", p);
            };
          }
          case Evidence.CorruptData c -> {
            auditOutcome(false, p.auditProofWeight(), p);
            fault(p.proofFactor(), p);
            online(true, p);
            window(true, p);
            contained.remove(c.shard());
            proofs++;
            yield "retrieval of " + c.shard() + " returned bytes that do not hash to its CID";
          }
          case Evidence.BadSignature b -> {
            auditOutcome(false, p.auditProofWeight(), p);
            fault(p.proofFactor(), p);
            online(true, p);
            window(true, p);
            proofs++;
            yield "a " + name(b.message()) + " from the node failed its signature check";
          }
          case Evidence.LatencySample l -> {
            online(true, p);
            window(false, p);
            latency(l.latencyMillis(), p);
            yield "latency sample " + l.latencyMillis() + " ms";
          }
          case Evidence.Unreachable u -> {
            unreachable++;
            online(false, p);
            window(true, p);
            yield "the node could not be reached";
          }
        };
    EnumSet<Concern> before = EnumSet.copyOf(concerns);
    updateConcerns(p);
    evaluate(t, trigger, before, p, out);
    if (vetting && auditsPassed >= p.vettingAudits() && state != NodeState.DISQUALIFIED) {
      vetting = false;
      SortedMap<String, Double> f = figures(p);
      f.put("vetting.audits", (double) p.vettingAudits());
      String share =
          switch (state) {
            case HEALTHY -> "full share of placements";
            case SUSPECT -> "full share once no longer suspect";
            case QUARANTINED, DISQUALIFIED -> "full share once out of quarantine";
          };
      record(
          new Transition(
              node,
              state,
              state,
              t,
              "vetted",
              "passed "
                  + auditsPassed
                  + " audits (vetting.audits "
                  + p.vettingAudits()
                  + "): vetting over, "
                  + share,
              f),
          p,
          out);
    }
  }

  /**
   * Re-runs the state machine at time {@code now} without new evidence, so dwell times that have
   * passed take effect.
   */
  public void refresh(long now, Policy p, List<Transition> out) {
    if (now <= lastSeen) {
      return;
    }
    EnumSet<Concern> before = EnumSet.copyOf(concerns);
    updateConcerns(p);
    evaluate(now, "time passed", before, p, out);
  }

  private static String name(io.cairn.sentinel.SignedMessage m) {
    return switch (m) {
      case RECEIPT -> "store receipt";
      case RETRIEVAL_PROOF -> "retrieval proof";
      case AUDIT_RESPONSE -> "audit response";
    };
  }

  private String timedOut(String shard, String what, Policy p) {
    int k = p.containmentTimeouts();
    int c = contained.merge(shard, 1, Integer::sum);
    if (c >= k) {
      contained.remove(shard);
      evasions++;
      fault(p.evasionFactor(), p);
      return what
          + " of "
          + shard
          + " timed out: "
          + c
          + " timeouts in a row on this shard while the node was reachable (evasion)";
    }
    if (contained.size() > NodeData.MAX_CONTAINED) {
      Iterator<String> oldest = contained.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return what + " of " + shard + " timed out (" + c + " of " + k + "; re-audit queued)";
  }

  private void auditOutcome(boolean success, double failureWeight, Policy p) {
    double l = p.auditLambda();
    if (success) {
      auditAlpha = l * auditAlpha + 1;
      auditBeta = l * auditBeta;
    } else {
      auditAlpha = l * auditAlpha;
      auditBeta = l * auditBeta + failureWeight;
    }
  }

  private void online(boolean up, Policy p) {
    double l = p.onlineLambda();
    onlineAlpha = l * onlineAlpha + (up ? 1 : 0);
    onlineBeta = l * onlineBeta + (up ? 0 : 1);
  }

  private void clean(Policy p) {
    integrity = Math.max(0, integrity - p.cleanDecrement());
  }

  private void fault(double factor, Policy p) {
    integrity += factor * p.faultIncrement();
  }

  private void window(boolean failed, Policy p) {
    windowBits = (windowBits << 1) | (failed ? 1 : 0);
    int n = windowFailures(p);
    failureExcess = (double) n / p.failureWindow() - failureBaseline;
    failureBaseline += p.failureBaselineAlpha() * ((failed ? 1 : 0) - failureBaseline);
  }

  private void latency(long millis, Policy p) {
    double x = Math.log(Math.max(1, millis));
    if (latencySamples == 0) {
      latencyMean = x;
      latencyFast = x;
      latencyRecent = x;
      latencyVariance = p.latencyMinSigma() * p.latencyMinSigma();
      latencySamples = 1;
      return;
    }
    int warmup = p.latencyWarmupSamples();
    double sigma = Math.max(Math.sqrt(latencyVariance), p.latencyMinSigma());
    if (latencySamples >= warmup) {
      double z = Math.min((x - latencyMean) / sigma, p.latencyOutlierCap());
      latencyShift = Math.max(0, latencyShift + z - p.latencyShiftSlack());
    }
    // The baseline learns from the sample clipped to WINSOR_SIGMAS standard deviations: the
    // first samples of a real shift then move it (and its variance) only a little, so the shift
    // statistic keeps growing, while the baseline still follows a lasting change.
    double a = latencySamples < warmup ? 1.0 / (latencySamples + 1) : p.latencyBaselineAlpha();
    double clipped =
        latencySamples < warmup
            ? x
            : Math.max(
                latencyMean - WINSOR_SIGMAS * sigma,
                Math.min(latencyMean + WINSOR_SIGMAS * sigma, x));
    double d = clipped - latencyMean;
    latencyMean += a * d;
    latencyVariance = (1 - a) * (latencyVariance + a * d * d);
    double fa = Math.max(p.latencyFastAlpha(), 1.0 / (latencySamples + 1));
    latencyFast += fa * (x - latencyFast);
    latencyRecent += RECENT_ALPHA * (x - latencyRecent);
    latencySamples++;
  }

  private void updateConcerns(Policy p) {
    double as = auditScore();
    double os = onlineScore();
    toggle(
        Concern.INTEGRITY,
        integrity >= p.integrityQuarantineAbove(),
        integrity <= p.integrityReleaseBelow());
    toggle(
        Concern.AUDIT_SCORE_LOW,
        as < p.auditQuarantineBelow(),
        as >= p.auditQuarantineReleaseAbove());
    toggle(Concern.AUDIT_SCORE_DIP, as < p.auditSuspectBelow(), as >= p.auditSuspectReleaseAbove());
    toggle(Concern.OFFLINE, os < p.onlineQuarantineBelow(), os >= p.onlineQuarantineReleaseAbove());
    toggle(
        Concern.AVAILABILITY_DIP, os < p.onlineSuspectBelow(), os >= p.onlineSuspectReleaseAbove());
    toggle(
        Concern.LATENCY_SHIFT,
        latencyShift >= p.latencyShiftAlarm()
            && recentLatencyMillis() >= p.latencyShiftMinRatio() * baselineLatencyMillis(),
        latencyShift <= p.latencyShiftRelease());
    if (latencySamples >= p.latencyWarmupSamples()) {
      long typical = typicalLatencyMillis();
      toggle(Concern.SLOW, typical > p.slowAboveMillis(), typical < p.slowReleaseBelowMillis());
    }
    int wf = windowFailures(p);
    toggle(
        Concern.FAILURE_BURST,
        wf >= p.failureAlarmCount() && failureExcess >= p.failureAlarmExcess(),
        wf <= p.failureReleaseCount());
    if (as < p.auditDisqualifyBelow()) {
      concerns.add(Concern.DISQUALIFYING_AUDIT_SCORE);
    }
    if (p.auditDisqualifyProofs() > 0 && proofs >= p.auditDisqualifyProofs()) {
      concerns.add(Concern.DISQUALIFYING_PROOFS);
    }
  }

  private void toggle(Concern c, boolean raise, boolean clear) {
    if (concerns.contains(c)) {
      if (clear) {
        concerns.remove(c);
      }
    } else if (raise) {
      concerns.add(c);
    }
  }

  private boolean any(NodeState severity) {
    for (Concern c : concerns) {
      if (c.severity() == severity) {
        return true;
      }
    }
    return false;
  }

  private void evaluate(
      long t, String trigger, EnumSet<Concern> before, Policy p, List<Transition> out) {
    NodeState from = state;
    if (from == NodeState.DISQUALIFIED) {
      return;
    }
    boolean troubled = !concerns.isEmpty();
    NodeState to;
    if (any(NodeState.DISQUALIFIED)) {
      to = NodeState.DISQUALIFIED;
    } else if (any(NodeState.QUARANTINED)) {
      to = NodeState.QUARANTINED;
    } else if (from == NodeState.QUARANTINED) {
      to = t - stateSince >= p.quarantineMinMillis() ? NodeState.SUSPECT : NodeState.QUARANTINED;
    } else if (any(NodeState.SUSPECT)) {
      to = NodeState.SUSPECT;
    } else if (from == NodeState.SUSPECT) {
      boolean calm =
          t - stateSince >= p.suspectMinMillis() && t - lastTroubleAt >= p.suspectMinMillis();
      to = calm ? NodeState.HEALTHY : NodeState.SUSPECT;
    } else {
      to = NodeState.HEALTHY;
    }
    if (troubled) {
      lastTroubleAt = t;
    }
    if (to == from) {
      return;
    }
    SortedMap<String, Double> f = figures(p);
    String cause;
    StringBuilder reason = new StringBuilder();
    if (to.compareTo(from) > 0) {
      List<Concern> raised = new ArrayList<>();
      for (Concern c : concerns) {
        if (c.severity() == to && !before.contains(c)) {
          raised.add(c);
        }
      }
      if (raised.isEmpty()) {
        for (Concern c : concerns) {
          if (c.severity() == to) {
            raised.add(c);
          }
        }
      }
      cause = raised.getFirst().code();
      reason.append(trigger).append("; ");
      appendConcerns(reason, raised, true, p, f);
    } else if (from == NodeState.QUARANTINED) {
      cause = "released";
      reason
          .append("quarantine over after ")
          .append(hours(t - stateSince))
          .append(" h (quarantine.minHours ")
          .append(Policy.format(p.quarantineMinMillis() / (double) HOUR))
          .append("): ");
      appendConcerns(
          reason,
          List.of(Concern.INTEGRITY, Concern.AUDIT_SCORE_LOW, Concern.OFFLINE),
          false,
          p,
          f);
      List<Concern> left = new ArrayList<>(concerns);
      reason.append("; on probation as suspect");
      if (!left.isEmpty()) {
        reason.append(", still: ");
        appendConcerns(reason, left, true, p, f);
      }
    } else {
      cause = "recovered";
      reason
          .append("no concern for ")
          .append(hours(t - Math.max(lastTroubleAt, stateSince)))
          .append(" h (suspect.minHours ")
          .append(Policy.format(p.suspectMinMillis() / (double) HOUR))
          .append(")");
      reason.append(": ");
      appendConcerns(
          reason,
          List.of(
              Concern.AUDIT_SCORE_DIP,
              Concern.AVAILABILITY_DIP,
              Concern.LATENCY_SHIFT,
              Concern.SLOW,
              Concern.FAILURE_BURST),
          false,
          p,
          f);
    }
    state = to;
    stateSince = t;
    record(new Transition(node, from, to, t, cause, clip(reason.toString()), f), p, out);
  }

  private void record(Transition tr, Policy p, List<Transition> out) {
    transitions.addLast(tr);
    while (transitions.size() > p.storeTransitionsPerNode()) {
      transitions.removeFirst();
    }
    out.add(tr);
  }

  private static String clip(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
  }

  private SortedMap<String, Double> figures(Policy p) {
    SortedMap<String, Double> f = new TreeMap<>();
    f.put("auditScore", round(auditScore()));
    f.put("onlineScore", round(onlineScore()));
    f.put("integrity", round(integrity));
    f.put("latencyShift", round(latencyShift));
    f.put("typicalLatencyMillis", (double) typicalLatencyMillis());
    f.put("windowFailures", (double) windowFailures(p));
    f.put("auditsPassed", (double) auditsPassed);
    f.put("proofs", (double) proofs);
    f.put("losses", (double) losses);
    f.put("evasions", (double) evasions);
    return f;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private void appendConcerns(
      StringBuilder sb, List<Concern> list, boolean raised, Policy p, SortedMap<String, Double> f) {
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(describe(list.get(i), raised, p, f));
    }
  }

  /**
   * One concern in words with its numbers, either as it was raised ({@code raised}) or as it now
   * stands against its release line.
   */
  private String describe(Concern c, boolean raised, Policy p, SortedMap<String, Double> f) {
    return switch (c) {
      case INTEGRITY -> {
        f.put("integrity.quarantineAbove", p.integrityQuarantineAbove());
        f.put("integrity.releaseBelow", p.integrityReleaseBelow());
        yield raised
            ? fmt(
                "integrity statistic %.2f >= %.2f (proofs %d, losses %d, evasions %d; one fault"
                    + " adds %.2f)",
                integrity,
                p.integrityQuarantineAbove(),
                proofs,
                losses,
                evasions,
                p.faultIncrement())
            : fmt(
                "integrity statistic %.2f (raised at >= %.2f, cleared at <= %.2f)",
                integrity, p.integrityQuarantineAbove(), p.integrityReleaseBelow());
      }
      case AUDIT_SCORE_LOW -> {
        f.put("audit.quarantineBelow", p.auditQuarantineBelow());
        f.put("audit.quarantineReleaseAbove", p.auditQuarantineReleaseAbove());
        yield raised
            ? fmt("audit score %.4f < %.4f", auditScore(), p.auditQuarantineBelow())
            : fmt(
                "audit score %.4f (quarantined under %.4f, cleared at >= %.4f)",
                auditScore(), p.auditQuarantineBelow(), p.auditQuarantineReleaseAbove());
      }
      case OFFLINE -> {
        f.put("online.quarantineBelow", p.onlineQuarantineBelow());
        f.put("online.quarantineReleaseAbove", p.onlineQuarantineReleaseAbove());
        yield raised
            ? fmt(
                "online score %.4f < %.4f (%d failed dials)",
                onlineScore(), p.onlineQuarantineBelow(), unreachable)
            : fmt(
                "online score %.4f (quarantined under %.4f, cleared at >= %.4f)",
                onlineScore(), p.onlineQuarantineBelow(), p.onlineQuarantineReleaseAbove());
      }
      case AUDIT_SCORE_DIP -> {
        f.put("audit.suspectBelow", p.auditSuspectBelow());
        f.put("audit.suspectReleaseAbove", p.auditSuspectReleaseAbove());
        yield raised
            ? fmt("audit score %.4f < %.4f", auditScore(), p.auditSuspectBelow())
            : fmt(
                "audit score %.4f (suspect under %.4f, cleared at >= %.4f)",
                auditScore(), p.auditSuspectBelow(), p.auditSuspectReleaseAbove());
      }
      case AVAILABILITY_DIP -> {
        f.put("online.suspectBelow", p.onlineSuspectBelow());
        f.put("online.suspectReleaseAbove", p.onlineSuspectReleaseAbove());
        yield raised
            ? fmt("online score %.4f < %.4f", onlineScore(), p.onlineSuspectBelow())
            : fmt(
                "online score %.4f (suspect under %.4f, cleared at >= %.4f)",
                onlineScore(), p.onlineSuspectBelow(), p.onlineSuspectReleaseAbove());
      }
      case LATENCY_SHIFT -> {
        f.put("latency.shiftAlarm", p.latencyShiftAlarm());
        f.put("latency.shiftRelease", p.latencyShiftRelease());
        f.put("latency.shiftMinRatio", p.latencyShiftMinRatio());
        f.put("baselineLatencyMillis", (double) baselineLatencyMillis());
        f.put("recentLatencyMillis", (double) recentLatencyMillis());
        yield raised
            ? fmt(
                "latency jumped: recent samples average %d ms against a baseline of %d ms (shift"
                    + " statistic %.1f >= %.1f, ratio %.1f >= %.1f)",
                recentLatencyMillis(),
                baselineLatencyMillis(),
                latencyShift,
                p.latencyShiftAlarm(),
                recentLatencyMillis() / (double) Math.max(1, baselineLatencyMillis()),
                p.latencyShiftMinRatio())
            : fmt(
                "latency shift statistic %.1f (raised at >= %.1f, cleared at <= %.1f)",
                latencyShift, p.latencyShiftAlarm(), p.latencyShiftRelease());
      }
      case SLOW -> {
        f.put("latency.slowAboveMillis", p.slowAboveMillis());
        f.put("latency.slowReleaseBelowMillis", p.slowReleaseBelowMillis());
        yield latencySamples == 0
            ? "no latency sample yet"
            : raised
                ? fmt(
                    "typical latency %d ms > %.0f ms", typicalLatencyMillis(), p.slowAboveMillis())
                : fmt(
                    "typical latency %d ms (slow above %.0f ms, cleared under %.0f ms)",
                    typicalLatencyMillis(), p.slowAboveMillis(), p.slowReleaseBelowMillis());
      }
      case FAILURE_BURST -> {
        f.put("failures.alarmCount", (double) p.failureAlarmCount());
        f.put("failures.releaseCount", (double) p.failureReleaseCount());
        f.put("failureBaseline", round(failureBaseline));
        yield raised
            ? fmt(
                "%d of the last %d requests failed against a usual %.0f%% (burst at %d and +%.0f%%)",
                windowFailures(p),
                p.failureWindow(),
                100 * failureBaseline,
                p.failureAlarmCount(),
                100 * p.failureAlarmExcess())
            : fmt(
                "%d of the last %d requests failed (burst at %d, cleared at <= %d)",
                windowFailures(p),
                p.failureWindow(),
                p.failureAlarmCount(),
                p.failureReleaseCount());
      }
      case DISQUALIFYING_AUDIT_SCORE -> {
        f.put("audit.disqualifyBelow", p.auditDisqualifyBelow());
        yield fmt(
            "audit score %.4f < disqualification line %.4f (proofs of false data %d, admitted"
                + " losses %d)",
            auditScore(), p.auditDisqualifyBelow(), proofs, losses);
      }
      case DISQUALIFYING_PROOFS -> {
        f.put("audit.disqualifyProofs", (double) p.auditDisqualifyProofs());
        yield fmt(
            "%d proofs of false data >= audit.disqualifyProofs %d",
            proofs, p.auditDisqualifyProofs());
      }
    };
  }

  private static String hours(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / (double) HOUR);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** An immutable view for reports. */
  public NodeSnapshot snapshot(Policy p) {
    List<Concern> cs = new ArrayList<>(concerns);
    cs.sort((a, b) -> b.severity().compareTo(a.severity()));
    return new NodeSnapshot(
        node,
        state,
        stateSince,
        vetting,
        auditScore(),
        onlineScore(),
        integrity,
        typicalLatencyMillis(),
        baselineLatencyMillis(),
        latencyShift,
        windowFailures(p),
        failureBaseline,
        auditsPassed,
        auditsFailed,
        proofs,
        evasions,
        timeouts,
        unreachable,
        events,
        firstSeen,
        lastSeen,
        cs,
        List.copyOf(contained.keySet()),
        List.copyOf(transitions));
  }
}
