/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sentinel's thresholds, weights and windows: every knob has a default, a valid range and a
 * one-line meaning ({@link #knobs()}); {@code docs/sentinel.md} explains how they interact.
 *
 * <p>The file format is {@code key = value} lines ({@code #} starts a comment); keys left out keep
 * their default, unknown keys and out-of-range values are errors that name the line. {@link
 * #toProperties()} writes a complete documented file that {@link #parse} reads back.
 *
 * <p>Immutable. Two policies with the same values have the same {@link #fingerprint()}, which a
 * manifest can record next to the placement it used.
 */
public final class Policy {
  /**
   * One knob.
   *
   * @param key the name in the file, {@code section.name}
   * @param defaultValue its default
   * @param min smallest valid value
   * @param max largest valid value
   * @param integer whether only whole numbers are valid
   * @param help what it means, one sentence
   */
  public record Knob(
      String key, double defaultValue, double min, double max, boolean integer, String help) {}

  private static final List<Knob> KNOBS = new ArrayList<>();
  private static final Map<String, Integer> INDEX = new HashMap<>();

  private static int knob(double def, double min, double max, String key, String help) {
    return add(new Knob(key, def, min, max, false, help));
  }

  private static int count(double def, double min, double max, String key, String help) {
    return add(new Knob(key, def, min, max, true, help));
  }

  private static int add(Knob k) {
    INDEX.put(k.key(), KNOBS.size());
    KNOBS.add(k);
    return KNOBS.size() - 1;
  }

  // Audit score: Beta(alpha, beta) with forgetting, as Storj's audit reputation.
  private static final int AUDIT_LAMBDA =
      knob(
          0.95,
          0.5,
          0.9999,
          "audit.lambda",
          "Forgetting factor of the audit score (audits and verified retrievals): each outcome"
              + " first multiplies the old evidence by this, so the score remembers about"
              + " 1/(1-lambda) outcomes.");
  private static final int AUDIT_PRIOR =
      knob(
          10,
          0.5,
          10_000,
          "audit.priorAlpha",
          "Successes a new node is credited with: its audit score starts at 1 with this weight.");
  private static final int AUDIT_FAILURE_WEIGHT =
      knob(
          1,
          0.01,
          100,
          "audit.failureWeight",
          "Weight of an admitted loss or a bad-time answer (audit NOT_FOUND or BAD_TIME, retrieval"
              + " NOT_FOUND).");
  private static final int AUDIT_PROOF_WEIGHT =
      knob(
          3,
          0.01,
          100,
          "audit.proofWeight",
          "Weight of proven false data: an audit answered with a wrong hash, corrupt shard bytes,"
              + " a bad signature.");
  private static final int AUDIT_SUSPECT =
      knob(0.9, 0, 1, "audit.suspectBelow", "Audit score under which the node becomes suspect.");
  private static final int AUDIT_SUSPECT_RELEASE =
      knob(
          0.95,
          0,
          1,
          "audit.suspectReleaseAbove",
          "Audit score the node must regain before that concern clears.");
  private static final int AUDIT_QUARANTINE =
      knob(0.75, 0, 1, "audit.quarantineBelow", "Audit score under which the node is quarantined.");
  private static final int AUDIT_QUARANTINE_RELEASE =
      knob(
          0.85,
          0,
          1,
          "audit.quarantineReleaseAbove",
          "Audit score the node must regain before that concern clears.");
  private static final int AUDIT_DISQUALIFY =
      knob(
          0.6,
          0,
          1,
          "audit.disqualifyBelow",
          "Audit score under which the node is disqualified for good (Storj's audit DQ line)."
              + " Timeouts never move the audit score.");
  private static final int AUDIT_DISQUALIFY_PROOFS =
      count(
          3,
          0,
          1000,
          "audit.disqualifyProofs",
          "Proofs of false data (wrong audit hash, corrupt shard, bad signature) that disqualify a"
              + " node whatever its score; 0 turns this off. Honest nodes never produce one.");

  // Online score: Beta with forgetting over reachability.
  private static final int ONLINE_LAMBDA =
      knob(
          0.99,
          0.5,
          0.9999,
          "online.lambda",
          "Forgetting factor of the online score (answers count as online, failed dials as"
              + " offline).");
  private static final int ONLINE_PRIOR =
      knob(50, 0.5, 10_000, "online.priorAlpha", "Online answers a new node is credited with.");
  private static final int ONLINE_SUSPECT =
      knob(0.9, 0, 1, "online.suspectBelow", "Online score under which the node becomes suspect.");
  private static final int ONLINE_SUSPECT_RELEASE =
      knob(
          0.95,
          0,
          1,
          "online.suspectReleaseAbove",
          "Online score the node must regain before that concern clears.");
  private static final int ONLINE_QUARANTINE =
      knob(
          0.5,
          0,
          1,
          "online.quarantineBelow",
          "Online score under which the node gets no new shards (never disqualifies it).");
  private static final int ONLINE_QUARANTINE_RELEASE =
      knob(
          0.7,
          0,
          1,
          "online.quarantineReleaseAbove",
          "Online score the node must regain before that concern clears.");

  // Integrity: a CUSUM of the log-likelihood ratio "dishonest" vs "honest".
  private static final int HONEST_RATE =
      knob(
          0.002,
          1e-6,
          0.5,
          "integrity.honestFaultRate",
          "Fraction of audits an honest node may fail (lost sectors); the null hypothesis.");
  private static final int DISHONEST_RATE =
      knob(
          0.05,
          1e-5,
          0.99,
          "integrity.dishonestFaultRate",
          "Smallest fault rate worth catching; the alternative hypothesis. Each fault adds"
              + " ln(dishonest/honest) to the statistic, each clean answer subtracts"
              + " ln((1-honest)/(1-dishonest)).");
  private static final int PROOF_FACTOR =
      knob(2, 0, 100, "integrity.proofFactor", "A proof of false data counts as this many faults.");
  private static final int EVASION_FACTOR =
      knob(
          1,
          0,
          100,
          "integrity.evasionFactor",
          "An evasion (one shard timing out containment.timeouts times in a row) counts as this"
              + " many faults.");
  private static final int INTEGRITY_QUARANTINE =
      knob(
          3.0,
          0.01,
          1000,
          "integrity.quarantineAbove",
          "Statistic at which the node is quarantined: the log of the likelihood ratio (3.0 is"
              + " about 20:1).");
  private static final int INTEGRITY_RELEASE =
      knob(
          0.5,
          0,
          1000,
          "integrity.releaseBelow",
          "Statistic the node must fall back to (by clean answers) before the concern clears.");
  private static final int CONTAINMENT_TIMEOUTS =
      count(
          4,
          2,
          100,
          "containment.timeouts",
          "Consecutive timeouts on one shard (a failed retrieval of it counts as the first) that"
              + " make an evasion; any answer for the shard resets the count.");

  // Latency: baseline + CUSUM over log latency, and an absolute slow line.
  private static final int LATENCY_WARMUP =
      count(
          5,
          1,
          10_000,
          "latency.warmupSamples",
          "Samples that form the first baseline before shifts are looked for.");
  private static final int LATENCY_BASELINE_ALPHA =
      knob(
          0.05,
          0.0001,
          0.5,
          "latency.baselineAlpha",
          "Smoothing of the baseline (mean and variance of log latency); small is slow to adapt.");
  private static final int LATENCY_FAST_ALPHA =
      knob(
          0.1,
          0.001,
          1,
          "latency.fastAlpha",
          "Smoothing of the typical latency reported and compared with the slow line.");
  private static final int LATENCY_MIN_SIGMA =
      knob(
          0.15,
          0.01,
          10,
          "latency.minSigma",
          "Floor on the baseline's standard deviation of log latency, so a very steady node does"
              + " not alarm on jitter.");
  private static final int LATENCY_SLACK =
      knob(
          0.5,
          0,
          10,
          "latency.shiftSlack",
          "CUSUM slack k in standard deviations: drift smaller than this is ignored.");
  private static final int LATENCY_ALARM =
      knob(8, 0.1, 1000, "latency.shiftAlarm", "CUSUM level h at which a latency shift is raised.");
  private static final int LATENCY_RELEASE =
      knob(
          2,
          0,
          1000,
          "latency.shiftRelease",
          "CUSUM level at which a raised latency shift clears.");
  private static final int LATENCY_MIN_RATIO =
      knob(
          2,
          1,
          1000,
          "latency.shiftMinRatio",
          "A shift is raised only if the last few samples average at least this many times the"
              + " baseline, so a statistically clear but small drift stays quiet.");
  private static final int LATENCY_CAP =
      knob(
          4,
          0.5,
          100,
          "latency.outlierCap",
          "A single sample adds at most this many standard deviations, so one outlier cannot"
              + " raise a shift alone.");
  private static final int SLOW_ABOVE =
      knob(
          2000,
          1,
          86_400_000,
          "latency.slowAboveMillis",
          "Typical latency above which the node is suspect as slow.");
  private static final int SLOW_RELEASE =
      knob(
          1500,
          1,
          86_400_000,
          "latency.slowReleaseBelowMillis",
          "Typical latency the node must get back under before that concern clears.");

  // Failure bursts: short window against the node's own long-run rate.
  private static final int FAILURE_WINDOW =
      count(10, 2, 64, "failures.window", "Length of the short window of requests.");
  private static final int FAILURE_ALARM =
      count(
          4,
          1,
          64,
          "failures.alarmCount",
          "Failed requests in the window that raise a burst (with alarmExcess).");
  private static final int FAILURE_EXCESS =
      knob(
          0.3,
          0,
          1,
          "failures.alarmExcess",
          "How far the window's failure rate must exceed the node's long-run rate.");
  private static final int FAILURE_RELEASE =
      count(
          1,
          0,
          63,
          "failures.releaseCount",
          "Failed requests in the window at or under which a burst clears.");
  private static final int FAILURE_BASELINE_ALPHA =
      knob(
          0.02,
          0.0001,
          0.5,
          "failures.baselineAlpha",
          "Smoothing of the node's long-run failure rate.");

  // Vetting, dwell times, storage.
  private static final int VETTING_AUDITS =
      count(
          20,
          0,
          100_000,
          "vetting.audits",
          "Passed audits a new node needs before it gets a full share of placements.");
  private static final int VETTING_SHARE =
      knob(
          0.05,
          0,
          1,
          "vetting.placementShare",
          "Fraction of placements where a vetting node keeps its rendezvous rank (Storj's new-node"
              + " fraction); otherwise it ranks after vetted nodes.");
  private static final int SUSPECT_MIN_HOURS =
      knob(
          6,
          0,
          8760,
          "suspect.minHours",
          "A suspect node turns healthy only after this long without any concern.");
  private static final int QUARANTINE_MIN_HOURS =
      knob(
          24,
          0,
          8760,
          "quarantine.minHours",
          "A quarantined node is released (to suspect) no sooner than this after it entered.");
  private static final int STORE_MAX_EVIDENCE =
      count(
          100_000,
          0,
          10_000_000,
          "store.maxEvidence",
          "Evidence events kept for dry-runs (the oldest are dropped first).");
  private static final int STORE_TRANSITIONS =
      count(20, 1, 1000, "store.transitionsPerNode", "Transitions kept per node for reports.");

  private static final Policy DEFAULTS = new Policy(defaultValues());

  private final double[] v;

  private Policy(double[] values) {
    this.v = values;
    checkRelations();
  }

  private static double[] defaultValues() {
    double[] d = new double[KNOBS.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = KNOBS.get(i).defaultValue();
    }
    return d;
  }

  /** The default policy. */
  public static Policy defaults() {
    return DEFAULTS;
  }

  /** Every knob, in file order. */
  public static List<Knob> knobs() {
    return Collections.unmodifiableList(KNOBS);
  }

  /**
   * This policy with one knob changed.
   *
   * @throws IllegalArgumentException for an unknown key, a value out of range, or values that no
   *     longer keep each release line on the right side of its entry line
   */
  public Policy with(String key, double value) {
    Integer i = INDEX.get(key);
    if (i == null) {
      throw new IllegalArgumentException(unknownKey(key));
    }
    checkRange(KNOBS.get(i), value);
    double[] copy = v.clone();
    copy[i] = value;
    return new Policy(copy);
  }

  /** The value of a knob by key. */
  public double value(String key) {
    Integer i = INDEX.get(key);
    if (i == null) {
      throw new IllegalArgumentException(unknownKey(key));
    }
    return v[i];
  }

  /** All values by key. */
  public SortedMap<String, Double> values() {
    SortedMap<String, Double> m = new TreeMap<>();
    for (int i = 0; i < v.length; i++) {
      m.put(KNOBS.get(i).key(), v[i]);
    }
    return m;
  }

  /**
   * Reads a policy file. Keys left out keep their defaults.
   *
   * @throws SentinelFormatException naming the line of a syntax error, unknown or repeated key,
   *     non-number or out-of-range value, or the knobs of a broken relation
   * @throws IOException if the reader fails
   */
  public static Policy parse(Reader reader) throws IOException, SentinelFormatException {
    double[] d = defaultValues();
    Map<String, Integer> seen = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    int lineNo = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo > 10_000) {
        throw new SentinelFormatException("policy: more than 10000 lines");
      }
      if (line.length() > 4096) {
        throw new SentinelFormatException("policy line " + lineNo + ": longer than 4096 chars");
      }
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
        continue;
      }
      int eq = s.indexOf('=');
      if (eq < 0) {
        throw new SentinelFormatException(
            "policy line " + lineNo + ": expected 'key = value', got '" + clip(s) + "'");
      }
      String key = s.substring(0, eq).strip();
      String text = s.substring(eq + 1).strip();
      Integer i = INDEX.get(key);
      if (i == null) {
        throw new SentinelFormatException("policy line " + lineNo + ": " + unknownKey(key));
      }
      Integer before = seen.put(key, lineNo);
      if (before != null) {
        throw new SentinelFormatException(
            "policy line " + lineNo + ": " + key + " already set on line " + before);
      }
      Knob k = KNOBS.get(i);
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new SentinelFormatException(
            "policy line " + lineNo + ": " + key + " must be a number, got '" + clip(text) + "'");
      }
      try {
        checkRange(k, value);
      } catch (IllegalArgumentException e) {
        throw new SentinelFormatException("policy line " + lineNo + ": " + e.getMessage());
      }
      d[i] = value;
    }
    try {
      return new Policy(d);
    } catch (IllegalArgumentException e) {
      throw new SentinelFormatException("policy: " + e.getMessage());
    }
  }

  /** A complete policy file with every knob, grouped by section, each with its meaning. */
  public String toProperties() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Cairn sentinel policy (docs/sentinel.md explains each knob).\n");
    sb.append("# Keys left out keep their defaults; the default is shown after each meaning.\n");
    String section = "";
    for (int i = 0; i < v.length; i++) {
      Knob k = KNOBS.get(i);
      String sec = k.key().substring(0, k.key().indexOf('.'));
      if (!sec.equals(section)) {
        sb.append('\n');
        section = sec;
      }
      wrapComment(
          sb,
          k.help()
              + " Range "
              + format(k.min())
              + ".."
              + format(k.max())
              + ", default "
              + format(k.defaultValue())
              + ".");
      sb.append(k.key()).append(" = ").append(format(v[i])).append('\n');
    }
    return sb.toString();
  }

  private static void wrapComment(StringBuilder sb, String text) {
    int width = 98;
    StringBuilder line = new StringBuilder("#");
    for (String word : text.split(" ")) {
      if (line.length() + 1 + word.length() > width && line.length() > 1) {
        sb.append(line).append('\n');
        line.setLength(0);
        line.append('#');
      }
      line.append(' ').append(word);
    }
    sb.append(line).append('\n');
  }

  /**
   * A short stable identity of the values: the first 16 hex digits of SHA-256 over {@code
   * key=value} lines in key order.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    values().forEach((k, x) -> sb.append(k).append('=').append(format(x)).append('\n'));
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Knobs whose values differ, key to {@code [this, other]}, in key order. */
  public SortedMap<String, double[]> diff(Policy other) {
    SortedMap<String, double[]> m = new TreeMap<>();
    for (int i = 0; i < v.length; i++) {
      if (Double.compare(v[i], other.v[i]) != 0) {
        m.put(KNOBS.get(i).key(), new double[] {v[i], other.v[i]});
      }
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy p && Arrays.equals(v, p.v);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(v);
  }

  @Override
  public String toString() {
    return "Policy[" + fingerprint() + "]";
  }

  /** A number as the policy file writes it: integers without a fraction. */
  public static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    String s = String.format(Locale.ROOT, "%.6g", x);
    if (s.contains("e")) {
      return Double.toString(x);
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }

  private static void checkRange(Knob k, double value) {
    if (!Double.isFinite(value) || value < k.min() || value > k.max()) {
      throw new IllegalArgumentException(
          k.key()
              + " must be in "
              + format(k.min())
              + ".."
              + format(k.max())
              + ", got "
              + format(value));
    }
    if (k.integer() && value != Math.rint(value)) {
      throw new IllegalArgumentException(k.key() + " must be a whole number, got " + format(value));
    }
  }

  private void checkRelations() {
    below(AUDIT_SUSPECT, AUDIT_SUSPECT_RELEASE);
    below(AUDIT_QUARANTINE, AUDIT_QUARANTINE_RELEASE);
    below(AUDIT_QUARANTINE, AUDIT_SUSPECT);
    below(AUDIT_DISQUALIFY, AUDIT_QUARANTINE);
    below(ONLINE_SUSPECT, ONLINE_SUSPECT_RELEASE);
    below(ONLINE_QUARANTINE, ONLINE_QUARANTINE_RELEASE);
    below(ONLINE_QUARANTINE, ONLINE_SUSPECT);
    strictlyBelow(HONEST_RATE, DISHONEST_RATE);
    strictlyBelow(INTEGRITY_RELEASE, INTEGRITY_QUARANTINE);
    strictlyBelow(LATENCY_RELEASE, LATENCY_ALARM);
    below(SLOW_RELEASE, SLOW_ABOVE);
    below(FAILURE_ALARM, FAILURE_WINDOW);
    strictlyBelow(FAILURE_RELEASE, FAILURE_ALARM);
  }

  private void below(int a, int b) {
    if (v[a] > v[b]) {
      throw new IllegalArgumentException(relation(a, b, "<="));
    }
  }

  private void strictlyBelow(int a, int b) {
    if (v[a] >= v[b]) {
      throw new IllegalArgumentException(relation(a, b, "<"));
    }
  }

  private String relation(int a, int b, String op) {
    return KNOBS.get(a).key()
        + " ("
        + format(v[a])
        + ") must be "
        + op
        + " "
        + KNOBS.get(b).key()
        + " ("
        + format(v[b])
        + ")";
  }

  private static String unknownKey(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Knob k : KNOBS) {
      int d = distance(key, k.key());
      if (d < bestDistance) {
        bestDistance = d;
        best = k.key();
      }
    }
    String hint = bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    return "unknown key '" + clip(key) + "'" + hint;
  }

  private static int distance(String a, String b) {
    if (a.length() > 100) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  // Typed accessors used by the engine.

  public double auditLambda() {
    return v[AUDIT_LAMBDA];
  }

  public double auditPriorAlpha() {
    return v[AUDIT_PRIOR];
  }

  public double auditFailureWeight() {
    return v[AUDIT_FAILURE_WEIGHT];
  }

  public double auditProofWeight() {
    return v[AUDIT_PROOF_WEIGHT];
  }

  public double auditSuspectBelow() {
    return v[AUDIT_SUSPECT];
  }

  public double auditSuspectReleaseAbove() {
    return v[AUDIT_SUSPECT_RELEASE];
  }

  public double auditQuarantineBelow() {
    return v[AUDIT_QUARANTINE];
  }

  public double auditQuarantineReleaseAbove() {
    return v[AUDIT_QUARANTINE_RELEASE];
  }

  public double auditDisqualifyBelow() {
    return v[AUDIT_DISQUALIFY];
  }

  public int auditDisqualifyProofs() {
    return (int) v[AUDIT_DISQUALIFY_PROOFS];
  }

  public double onlineLambda() {
    return v[ONLINE_LAMBDA];
  }

  public double onlinePriorAlpha() {
    return v[ONLINE_PRIOR];
  }

  public double onlineSuspectBelow() {
    return v[ONLINE_SUSPECT];
  }

  public double onlineSuspectReleaseAbove() {
    return v[ONLINE_SUSPECT_RELEASE];
  }

  public double onlineQuarantineBelow() {
    return v[ONLINE_QUARANTINE];
  }

  public double onlineQuarantineReleaseAbove() {
    return v[ONLINE_QUARANTINE_RELEASE];
  }

  public double honestFaultRate() {
    return v[HONEST_RATE];
  }

  public double dishonestFaultRate() {
    return v[DISHONEST_RATE];
  }

  /** What one fault adds to the integrity statistic: ln(dishonest / honest). */
  public double faultIncrement() {
    return Math.log(v[DISHONEST_RATE] / v[HONEST_RATE]);
  }

  /** What one clean answer subtracts: ln((1 - honest) / (1 - dishonest)). */
  public double cleanDecrement() {
    return Math.log((1 - v[HONEST_RATE]) / (1 - v[DISHONEST_RATE]));
  }

  public double proofFactor() {
    return v[PROOF_FACTOR];
  }

  public double evasionFactor() {
    return v[EVASION_FACTOR];
  }

  public double integrityQuarantineAbove() {
    return v[INTEGRITY_QUARANTINE];
  }

  public double integrityReleaseBelow() {
    return v[INTEGRITY_RELEASE];
  }

  public int containmentTimeouts() {
    return (int) v[CONTAINMENT_TIMEOUTS];
  }

  public int latencyWarmupSamples() {
    return (int) v[LATENCY_WARMUP];
  }

  public double latencyBaselineAlpha() {
    return v[LATENCY_BASELINE_ALPHA];
  }

  public double latencyFastAlpha() {
    return v[LATENCY_FAST_ALPHA];
  }

  public double latencyMinSigma() {
    return v[LATENCY_MIN_SIGMA];
  }

  public double latencyShiftSlack() {
    return v[LATENCY_SLACK];
  }

  public double latencyShiftAlarm() {
    return v[LATENCY_ALARM];
  }

  public double latencyShiftRelease() {
    return v[LATENCY_RELEASE];
  }

  public double latencyShiftMinRatio() {
    return v[LATENCY_MIN_RATIO];
  }

  public double latencyOutlierCap() {
    return v[LATENCY_CAP];
  }

  public double slowAboveMillis() {
    return v[SLOW_ABOVE];
  }

  public double slowReleaseBelowMillis() {
    return v[SLOW_RELEASE];
  }

  public int failureWindow() {
    return (int) v[FAILURE_WINDOW];
  }

  public int failureAlarmCount() {
    return (int) v[FAILURE_ALARM];
  }

  public double failureAlarmExcess() {
    return v[FAILURE_EXCESS];
  }

  public int failureReleaseCount() {
    return (int) v[FAILURE_RELEASE];
  }

  public double failureBaselineAlpha() {
    return v[FAILURE_BASELINE_ALPHA];
  }

  public int vettingAudits() {
    return (int) v[VETTING_AUDITS];
  }

  public double vettingPlacementShare() {
    return v[VETTING_SHARE];
  }

  public long suspectMinMillis() {
    return Math.round(v[SUSPECT_MIN_HOURS] * 3_600_000d);
  }

  public long quarantineMinMillis() {
    return Math.round(v[QUARANTINE_MIN_HOURS] * 3_600_000d);
  }

  public int storeMaxEvidence() {
    return (int) v[STORE_MAX_EVIDENCE];
  }

  public int storeTransitionsPerNode() {
    return (int) v[STORE_TRANSITIONS];
  }
}
