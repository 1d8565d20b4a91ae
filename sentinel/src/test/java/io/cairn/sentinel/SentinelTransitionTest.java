/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state transition of the sentinel, each with its cause, reason and figures. */
class SentinelTransitionTest {
  private static final String N = "12D3KooWTestNode";
  private static final Policy NO_VETTING = Policy.defaults().with("vetting.audits", 0);

  private final StubTimeSource clock = new StubTimeSource();
  private Sentinel sentinel = new Sentinel(NO_VETTING, clock);
  private final List<Transition> seen = new ArrayList<>();
  private int shard;

  private void use(Policy p) {
    sentinel = new Sentinel(p, clock);
  }

  private List<Transition> feed(Evidence e) {
    List<Transition> t = sentinel.record(e);
    seen.addAll(t);
    return t;
  }

  private long tick() {
    clock.advanceMinutes(20);
    return clock.millis();
  }

  private List<Transition> pass(int n) {
    List<Transition> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(feed(new Evidence.AuditPassed(N, tick(), "s" + shard++, 80)));
    }
    return out;
  }

  private List<Transition> ping(int n, long millis) {
    List<Transition> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.addAll(feed(new Evidence.LatencySample(N, tick(), millis)));
    }
    return out;
  }

  private NodeState state() {
    return sentinel.state(N);
  }

  private NodeSnapshot node() {
    return sentinel.node(N).orElseThrow();
  }

  private static Transition single(List<Transition> ts) {
    assertEquals(1, ts.size(), "transitions: " + ts);
    return ts.getFirst();
  }

  /** Every transition any test caused names a cause, says why, and carries the scores. */
  @AfterEach
  void everyTransitionHasAReasonAndFigures() {
    for (Transition t : seen) {
      assertFalse(t.cause().isBlank(), t.toString());
      assertTrue(t.reason().length() > 20, t.toString());
      for (String f : List.of("auditScore", "onlineScore", "integrity", "windowFailures")) {
        assertTrue(t.figures().containsKey(f), f + " missing from " + t);
      }
      assertEquals(N, t.node());
    }
    // The node's own history is the same list, newest last (it keeps at most 20).
    sentinel
        .node(N)
        .ifPresent(
            n -> {
              int k = Math.min(seen.size(), NO_VETTING.storeTransitionsPerNode());
              assertEquals(seen.subList(seen.size() - k, seen.size()), n.recentTransitions());
            });
  }

  @Test
  void shouldStartHealthyAndVetting() {
    use(Policy.defaults());
    feed(new Evidence.LatencySample(N, tick(), 50));
    NodeSnapshot n = node();
    assertEquals(NodeState.HEALTHY, n.state());
    assertTrue(n.vetting());
    assertEquals(1.0, n.auditScore());
    assertEquals(PlacementView.Standing.VETTING, sentinel.placementView().standing(N));
    assertEquals(List.of(), n.recentTransitions());
  }

  @Test
  void shouldEndVettingAfterConfiguredPassedAudits() {
    use(Policy.defaults().with("vetting.audits", 5));
    assertEquals(List.of(), pass(4));
    assertTrue(node().vetting());
    Transition t = single(pass(1));
    assertTrue(t.vettingOnly());
    assertEquals("vetted", t.cause());
    assertEquals(NodeState.HEALTHY, t.to());
    assertTrue(t.reason().contains("passed 5 audits"), t.reason());
    assertEquals(5.0, t.figures().get("vetting.audits"));
    assertFalse(node().vetting());
    assertEquals(PlacementView.Standing.PREFERRED, sentinel.placementView().standing(N));
  }

  static Stream<Arguments> integrityFaults() {
    return Stream.of(
        Arguments.of(
            "wrong hash",
            (BiFunction<String, Long, Evidence>)
                (n, at) -> new Evidence.AuditFailed(n, at, "bafkbad", AuditFailure.WRONG_HASH),
            "wrong hash",
            1L),
        Arguments.of(
            "admitted loss",
            (BiFunction<String, Long, Evidence>)
                (n, at) -> new Evidence.AuditFailed(n, at, "bafkbad", AuditFailure.NOT_FOUND),
            "no longer has the shard",
            0L),
        Arguments.of(
            "bad time",
            (BiFunction<String, Long, Evidence>)
                (n, at) -> new Evidence.AuditFailed(n, at, "bafkbad", AuditFailure.BAD_TIME),
            "outside the challenge window",
            0L),
        Arguments.of(
            "corrupt data",
            (BiFunction<String, Long, Evidence>)
                (n, at) -> new Evidence.CorruptData(n, at, "bafkbad"),
            "do not hash to its CID",
            1L),
        Arguments.of(
            "bad signature",
            (BiFunction<String, Long, Evidence>)
                (n, at) -> new Evidence.BadSignature(n, at, SignedMessage.RETRIEVAL_PROOF),
            "retrieval proof from the node failed its signature check",
            1L),
        Arguments.of(
            "retrieval loss",
            (BiFunction<String, Long, Evidence>)
                (n, at) ->
                    new Evidence.RetrievalFailed(n, at, "bafkbad", RetrievalFailure.NOT_FOUND),
            "signed a receipt for",
            0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrityFaults")
  void shouldQuarantineOnFirstIntegrityFault(
      String name, BiFunction<String, Long, Evidence> fault, String words, long proofs) {
    assertEquals(List.of(), pass(30));
    Transition t = single(feed(fault.apply(N, tick())));
    assertEquals(NodeState.HEALTHY, t.from());
    assertEquals(NodeState.QUARANTINED, t.to());
    assertEquals("integrity", t.cause());
    assertTrue(t.reason().contains(words), t.reason());
    assertTrue(t.reason().contains("integrity statistic"), t.reason());
    assertTrue(t.reason().contains(">= 3.00"), t.reason());
    assertTrue(t.figures().get("integrity") >= 3.0, t.figures().toString());
    assertEquals(3.0, t.figures().get("integrity.quarantineAbove"));
    assertEquals((double) proofs, t.figures().get("proofs"));
    assertEquals(PlacementView.Standing.EXCLUDED, sentinel.placementView().standing(N));
    assertTrue(sentinel.placementView().excluded().contains(N));
  }

  @Test
  void shouldMoveFromSuspectToQuarantined() {
    ping(20, 60);
    Transition s = single(feedAll(unreachable(4)));
    assertEquals(NodeState.SUSPECT, s.to());
    Transition q = single(feed(new Evidence.AuditFailed(N, tick(), "s1", AuditFailure.WRONG_HASH)));
    assertEquals(NodeState.SUSPECT, q.from());
    assertEquals(NodeState.QUARANTINED, q.to());
    assertEquals("integrity", q.cause());
  }

  @Test
  void shouldDisqualifyOnRepeatedProofsAndStayDisqualified() {
    pass(30);
    List<Transition> ts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ts.addAll(feed(new Evidence.AuditFailed(N, tick(), "s" + i, AuditFailure.WRONG_HASH)));
      pass(2);
    }
    assertEquals(2, ts.size(), ts.toString());
    assertEquals(NodeState.QUARANTINED, ts.get(0).to());
    Transition dq = ts.get(1);
    assertEquals(NodeState.QUARANTINED, dq.from());
    assertEquals(NodeState.DISQUALIFIED, dq.to());
    assertEquals("proofs-disqualifying", dq.cause());
    assertTrue(
        dq.reason().contains("3 proofs of false data >= audit.disqualifyProofs 3"), dq.reason());
    assertEquals(3.0, dq.figures().get("audit.disqualifyProofs"));
    // Final: nothing brings it back.
    clock.advance(java.time.Duration.ofDays(30));
    assertEquals(List.of(), pass(500));
    assertEquals(List.of(), sentinel.refresh());
    assertEquals(NodeState.DISQUALIFIED, state());
  }

  @Test
  void shouldDisqualifyOnAuditScoreBelowTheLine() {
    use(NO_VETTING.with("audit.disqualifyProofs", 0));
    pass(30);
    List<Transition> ts = new ArrayList<>();
    for (int i = 0; i < 40 && state() != NodeState.DISQUALIFIED; i++) {
      ts.addAll(feed(new Evidence.AuditFailed(N, tick(), "s" + i, AuditFailure.NOT_FOUND)));
    }
    Transition dq = ts.getLast();
    assertEquals(NodeState.DISQUALIFIED, dq.to());
    assertEquals("audit-score-disqualifying", dq.cause());
    assertTrue(dq.reason().contains("< disqualification line 0.600"), dq.reason());
    assertTrue(dq.figures().get("auditScore") < 0.6);
    assertEquals(0.6, dq.figures().get("audit.disqualifyBelow"));
  }

  @Test
  void shouldGoSuspectThenQuarantinedOnAuditScoreAlone() {
    // Integrity statistic out of the way: the audit score's own lines act.
    use(NO_VETTING.with("integrity.quarantineAbove", 1000));
    pass(40);
    List<Transition> ts = new ArrayList<>();
    for (int i = 0; i < 12 && state() != NodeState.QUARANTINED; i++) {
      ts.addAll(feed(new Evidence.AuditFailed(N, tick(), "s" + i, AuditFailure.NOT_FOUND)));
    }
    assertEquals(2, ts.size(), ts.toString());
    assertEquals(NodeState.SUSPECT, ts.get(0).to());
    assertEquals("audit-score-dip", ts.get(0).cause());
    assertTrue(ts.get(0).reason().contains("audit score 0.8"), ts.get(0).reason());
    assertTrue(ts.get(0).reason().contains("< 0.900"), ts.get(0).reason());
    assertEquals(NodeState.QUARANTINED, ts.get(1).to());
    assertEquals("audit-score-low", ts.get(1).cause());
    assertTrue(ts.get(1).reason().contains("< 0.750"), ts.get(1).reason());
  }

  @Test
  void shouldNoticeLatencyJumpWithinFewSamples() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 60; i++) {
      feed(new Evidence.LatencySample(N, tick(), 60 + r.nextInt(40)));
    }
    assertEquals(NodeState.HEALTHY, state(), "seed 7");
    int samples = 0;
    List<Transition> ts = List.of();
    while (ts.isEmpty() && samples < 50) {
      samples++;
      ts = feed(new Evidence.LatencySample(N, tick(), 700 + r.nextInt(300)));
    }
    assertTrue(samples <= 4, "noticed after " + samples + " samples");
    Transition t = single(ts);
    assertEquals(NodeState.SUSPECT, t.to());
    assertEquals("latency-shift", t.cause());
    assertTrue(t.reason().contains("latency jumped"), t.reason());
    assertTrue(t.figures().get("latencyShift") >= 8.0);
    assertTrue(t.figures().get("baselineLatencyMillis") < 200, t.figures().toString());
  }

  @Test
  void shouldIgnoreASingleOutlier() {
    ping(60, 80);
    assertEquals(List.of(), feed(new Evidence.LatencySample(N, tick(), 60_000)));
    assertEquals(List.of(), ping(30, 80));
    assertEquals(NodeState.HEALTHY, state());
  }

  @Test
  void shouldSuspectASlowNode() {
    Transition t = single(ping(10, 3_000));
    assertEquals(NodeState.SUSPECT, t.to());
    assertEquals("slow", t.cause());
    assertTrue(t.reason().contains("typical latency 3000 ms > 2000 ms"), t.reason());
    assertTrue(sentinel.placementView().deprioritised().contains(N));
  }

  private List<Evidence> unreachable(int n) {
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Evidence.Unreachable(N, tick()));
    }
    return out;
  }

  private List<Transition> feedAll(List<Evidence> es) {
    List<Transition> out = new ArrayList<>();
    for (Evidence e : es) {
      out.addAll(feed(e));
    }
    return out;
  }

  @Test
  void shouldSuspectOnFailureBurst() {
    ping(50, 60);
    assertEquals(List.of(), feedAll(unreachable(3)));
    Transition t = single(feedAll(unreachable(1)));
    assertEquals(NodeState.SUSPECT, t.to());
    assertEquals("failure-burst", t.cause());
    assertTrue(t.reason().contains("4 of the last 10 requests failed"), t.reason());
    assertTrue(t.reason().startsWith("the node could not be reached"), t.reason());
  }

  @Test
  void shouldSuspectOnAvailabilityDipWithoutBurst() {
    ping(20, 60);
    List<Transition> ts = new ArrayList<>();
    for (int i = 0; i < 100 && ts.isEmpty(); i++) {
      ts.addAll(ping(3, 60));
      ts.addAll(feedAll(unreachable(1)));
    }
    Transition t = single(ts);
    assertEquals(NodeState.SUSPECT, t.to());
    assertEquals("availability-dip", t.cause());
    assertTrue(t.reason().contains("< 0.900"), t.reason());
  }

  @Test
  void shouldQuarantineALongAbsentNodeButNeverDisqualifyIt() {
    ping(20, 60);
    List<Transition> ts = feedAll(unreachable(2_000));
    assertEquals(NodeState.SUSPECT, ts.get(0).to());
    assertEquals(NodeState.QUARANTINED, ts.get(1).to());
    assertEquals("offline", ts.get(1).cause());
    assertTrue(ts.get(1).reason().contains("online score"), ts.get(1).reason());
    assertEquals(2, ts.size());
    assertEquals(1.0, node().auditScore());
  }

  @Test
  void shouldNeverDisqualifyForTimeoutsAlone() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 5_000; i++) {
      Evidence e =
          switch (r.nextInt(3)) {
            case 0 -> new Evidence.AuditTimedOut(N, tick(), "s" + r.nextInt(3));
            case 1 ->
                new Evidence.RetrievalFailed(
                    N, tick(), "s" + r.nextInt(1000), RetrievalFailure.ERROR);
            default -> new Evidence.Unreachable(N, tick());
          };
      feed(e);
      assertNotEquals(NodeState.DISQUALIFIED, state(), "seed 11, event " + i);
    }
    assertEquals(1.0, node().auditScore(), "timeouts never move the audit score");
  }

  @Test
  void shouldTreatRepeatedTimeoutsOnOneShardAsEvasion() {
    pass(30);
    for (int i = 1; i <= 3; i++) {
      assertEquals(List.of(), feed(new Evidence.AuditTimedOut(N, tick(), "bafkhidden")));
      assertEquals(List.of("bafkhidden"), sentinel.pendingReaudits(N));
      pass(3);
    }
    Transition t = single(feed(new Evidence.AuditTimedOut(N, tick(), "bafkhidden")));
    assertEquals(NodeState.QUARANTINED, t.to());
    assertEquals("integrity", t.cause());
    assertTrue(t.reason().contains("4 timeouts in a row on this shard"), t.reason());
    assertTrue(t.reason().contains("evasion"), t.reason());
    assertEquals(1.0, t.figures().get("evasions"));
    assertEquals(List.of(), sentinel.pendingReaudits(N));
  }

  @Test
  void shouldResetContainmentWhenTheShardIsAnswered() {
    pass(30);
    for (int i = 0; i < 3; i++) {
      feed(new Evidence.AuditTimedOut(N, tick(), "bafkslow"));
      pass(3);
    }
    feed(new Evidence.AuditPassed(N, tick(), "bafkslow", 9_000));
    assertEquals(List.of(), sentinel.pendingReaudits(N));
    for (int i = 0; i < 3; i++) {
      feed(new Evidence.AuditTimedOut(N, tick(), "bafkslow"));
      pass(3);
    }
    assertEquals(NodeState.HEALTHY, state());
  }

  @Test
  void shouldQueueAShardThatFailedToTransferForReaudit() {
    pass(5);
    feed(new Evidence.RetrievalFailed(N, tick(), "bafkflaky", RetrievalFailure.ERROR));
    assertEquals(List.of("bafkflaky"), sentinel.pendingReaudits(N));
    feed(new Evidence.RetrievalFailed(N, tick(), "bafkrefused", RetrievalFailure.REFUSED));
    assertEquals(List.of("bafkflaky"), sentinel.pendingReaudits(N));
  }

  private void quarantine() {
    pass(30);
    feed(new Evidence.AuditFailed(N, tick(), "lost", AuditFailure.NOT_FOUND));
    assertEquals(NodeState.QUARANTINED, state());
  }

  @Test
  void shouldHoldQuarantineForItsMinimumThenReleaseToSuspect() {
    quarantine();
    long entered = clock.millis();
    // 60 clean audits in 20 h: the statistic falls under the release line, the dwell is not over.
    assertEquals(List.of(), pass(60));
    assertTrue(node().integrity() <= 0.5, "integrity " + node().integrity());
    assertEquals(NodeState.QUARANTINED, state());
    List<Transition> ts = pass(20);
    Transition t = single(ts);
    assertTrue(t.at() - entered >= 24 * 3_600_000L);
    assertEquals(NodeState.QUARANTINED, t.from());
    assertEquals(NodeState.SUSPECT, t.to());
    assertEquals("released", t.cause());
    assertTrue(t.reason().contains("quarantine over after 24."), t.reason());
    assertTrue(
        t.reason().contains("integrity statistic 0.00 (raised at >= 3.00, cleared at <= 0.50)"),
        t.reason());
    assertTrue(t.reason().contains("on probation as suspect"), t.reason());
  }

  @Test
  void shouldStayQuarantinedWhileTheConcernLasts() {
    quarantine();
    clock.advance(java.time.Duration.ofDays(3));
    // Five clean audits are not enough to undo one loss.
    assertEquals(List.of(), pass(5));
    assertEquals(NodeState.QUARANTINED, state());
  }

  @Test
  void shouldReleaseOnRefreshWhenTimeAlonePasses() {
    quarantine();
    pass(60);
    assertEquals(NodeState.QUARANTINED, state());
    clock.advance(java.time.Duration.ofHours(5));
    Transition t = single(sentinel.refresh());
    seen.add(t);
    assertEquals("released", t.cause());
    assertEquals(clock.millis(), t.at());
    assertTrue(t.reason().startsWith("quarantine over after"), t.reason());
  }

  @Test
  void shouldRecoverFromSuspectAfterAQuietPeriod() {
    ping(20, 60);
    feedAll(unreachable(4));
    assertEquals(NodeState.SUSPECT, state());
    List<Transition> ts = ping(30, 60); // 10 h of answers
    Transition t = single(ts);
    assertEquals(NodeState.HEALTHY, t.to());
    assertEquals("recovered", t.cause());
    assertTrue(t.reason().startsWith("no concern for 6."), t.reason());
  }

  @Test
  void shouldNotFlapWhileConcernsKeepComingBack() {
    ping(30, 60);
    int before = seen.size();
    // A burst every 4.7 hours for two days: each clears in between, but never for 6 hours.
    for (int round = 0; round < 10; round++) {
      feedAll(unreachable(4));
      ping(10, 60);
    }
    assertEquals(before + 1, seen.size(), seen.toString());
    assertEquals(NodeState.SUSPECT, state());
  }

  @Test
  void shouldKeepAuditScoreConcernUntilTheReleaseLine() {
    use(NO_VETTING.with("integrity.quarantineAbove", 1000));
    pass(40);
    for (int i = 0; i < 3; i++) {
      feed(new Evidence.AuditFailed(N, tick(), "s" + i, AuditFailure.NOT_FOUND));
    }
    assertEquals(NodeState.SUSPECT, state());
    // Back above the raise line (0.90) but under the release line (0.95): still a concern.
    while (node().auditScore() < 0.92) {
      pass(1);
    }
    assertTrue(node().concerns().contains(Concern.AUDIT_SCORE_DIP));
    while (node().auditScore() < 0.95) {
      pass(1);
    }
    assertFalse(node().concerns().contains(Concern.AUDIT_SCORE_DIP));
  }

  @Test
  void shouldNotMoveTimeBackwardsOnLateEvidence() {
    pass(3);
    long last = node().lastSeen();
    feed(new Evidence.LatencySample(N, last - 3_600_000L, 50));
    assertEquals(last, node().lastSeen());
  }

  @Test
  void shouldEndInTheSameStateOnReplay() {
    SplittableRandom r = new SplittableRandom(5);
    List<Evidence> es = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String node = "n" + r.nextInt(8);
      long at = StubTimeSource.START + i * 60_000L;
      es.add(
          switch (r.nextInt(6)) {
            case 0 -> new Evidence.AuditPassed(node, at, "s" + r.nextInt(50), 40 + r.nextInt(200));
            case 1 ->
                r.nextInt(20) == 0
                    ? new Evidence.AuditFailed(node, at, "s1", AuditFailure.NOT_FOUND)
                    : new Evidence.RetrievalSucceeded(node, at, "s2", 90);
            case 2 -> new Evidence.LatencySample(node, at, 30 + r.nextInt(3000));
            case 3 -> new Evidence.Unreachable(node, at);
            case 4 -> new Evidence.AuditTimedOut(node, at, "s" + r.nextInt(3));
            default -> new Evidence.RetrievalFailed(node, at, "s3", RetrievalFailure.ERROR);
          });
    }
    List<NodeSnapshot> a = Sentinel.replay(Policy.defaults(), es).nodes();
    List<NodeSnapshot> b = Sentinel.replay(Policy.defaults(), es).nodes();
    assertEquals(a, b, "seed 5");
    assertEquals(8, a.size());
  }
}
