/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static io.cairn.client.engine.Fixture.SEG;
import static io.cairn.client.engine.Fixture.data;
import static io.cairn.client.engine.Fixture.events;
import static io.cairn.client.engine.Fixture.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.Freshness;
import io.cairn.client.engine.FakeNode.Behaviour;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEngineTest {

  private static AuditEngine engine(FakeNetwork net, long seed, EngineListener listener) {
    return engine(net, seed, listener, AuditEngine.Options.defaults());
  }

  private static AuditEngine engine(
      FakeNetwork net, long seed, EngineListener listener, AuditEngine.Options options) {
    return new AuditEngine(
        net, net, options.withClock(net.clock()), Fixture.random(seed), listener);
  }

  private static AuditReport.PeerAudit result(AuditReport report, ShardEntry entry, PeerId peer) {
    return report.shards().stream()
        .filter(s -> s.segment() == entry.segment() && s.index() == entry.index())
        .flatMap(s -> s.peers().stream())
        .filter(p -> p.peer().equals(peer))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {51, 52})
  void shouldPassOnHonestNodesAndSpendOneRoundPerRun(long seed) throws Exception {
    String s = "seed " + seed;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 3 + 9, seed), seed);
    Manifest m = up.manifest();
    AuditState state = AuditState.fresh(m);
    Fixture.Observations obs = new Fixture.Observations();
    Trace.Recording trace = Trace.recording();
    AuditReport first = engine(net, seed, obs).audit(m, state, AuditEngine.Selection.all(), trace);
    assertTrue(first.allPassed(), s + ": " + first);
    assertEquals(m.shards().size(), first.challenged(), s);
    assertEquals(first.challenged(), first.passed(), s);
    assertTrue(first.shards().stream().allMatch(x -> x.round().equals(OptionalInt.of(0))), s);
    assertEquals(m.shards().size(), obs.all.size(), s);
    assertTrue(obs.all.stream().allMatch(o -> o.outcome() == Outcome.OK), s);
    assertEquals(m.shards().size(), events(trace.events(), TraceEvent.ShardAudited.class).size());
    Map<PeerId, AuditReport.NodeSummary> byNode = first.byNode();
    assertEquals(up.report().load().keySet(), byNode.keySet(), s);
    up.report().load().forEach((p, n) -> assertEquals(n, byNode.get(p).passed(), s + " " + p));

    AuditReport second =
        engine(net, seed + 1, EngineListener.NONE)
            .audit(m, state, AuditEngine.Selection.all(), Trace.NONE);
    assertTrue(second.allPassed(), s);
    assertTrue(second.shards().stream().allMatch(x -> x.round().equals(OptionalInt.of(1))), s);
  }

  @Test
  void shouldFailANodeThatDroppedOrCorruptedAShard() throws Exception {
    long seed = 53;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 2, seed), seed);
    Manifest m = up.manifest();
    ShardEntry dropped = m.shard(0, 0);
    ShardEntry lied = m.shard(0, 1);
    ShardEntry admitted = m.shard(1, 3);
    PeerId dropper = dropped.placement().get(0);
    PeerId liar = lied.placement().get(0);
    PeerId honestAboutIt = admitted.placement().get(0);
    net.node(dropper).drop(dropped.cid());
    net.node(liar).is(Behaviour.UNCHECKED_READS).damage(lied.cid());
    net.node(honestAboutIt).damage(admitted.cid());
    Fixture.Observations obs = new Fixture.Observations();
    AuditReport report =
        engine(net, seed, obs)
            .audit(m, AuditState.fresh(m), AuditEngine.Selection.all(), Trace.NONE);
    assertFalse(report.allPassed());
    assertEquals(AuditOutcome.NOT_FOUND, result(report, dropped, dropper).outcome());
    assertEquals(AuditOutcome.FAIL, result(report, lied, liar).outcome());
    AuditReport.PeerAudit corrupt = result(report, admitted, honestAboutIt);
    assertEquals(AuditOutcome.REFUSED, corrupt.outcome());
    assertEquals(ErrorCode.CORRUPT, corrupt.refusal().orElseThrow());
    assertEquals(report.challenged() - 3, report.passed());
    assertTrue(
        obs.all.stream()
            .anyMatch(
                o ->
                    o.peer().equals(liar)
                        && o.outcome() == Outcome.WRONG_HASH
                        && o.outcome().proofOfMisbehaviour()));
    assertEquals(1, report.byNode().get(liar).outcomes().get(AuditOutcome.FAIL));
  }

  @Test
  void shouldRejectStaleForgedAndReplayedAnswers() throws Exception {
    long seed = 54;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 2, seed), seed);
    Manifest m = up.manifest();
    PeerId stale = m.shard(0, 0).placement().get(0);
    PeerId forger = m.shard(0, 1).placement().get(0);
    PeerId replayer = m.shard(0, 2).placement().get(0);
    net.node(stale).is(Behaviour.STALE_AUDIT_TIME);
    net.node(forger).is(Behaviour.WRONG_KEY);
    net.node(replayer).is(Behaviour.REPLAY_AUDIT);
    AuditState state = AuditState.fresh(m);
    Fixture.Observations obs = new Fixture.Observations();
    AuditReport report =
        engine(net, seed, obs).audit(m, state, AuditEngine.Selection.all(), Trace.NONE);
    AuditReport.PeerAudit st = result(report, m.shard(0, 0), stale);
    assertEquals(AuditOutcome.STALE, st.outcome());
    assertEquals(Freshness.BEFORE_CHALLENGE, st.freshness().orElseThrow());
    assertEquals(AuditOutcome.BAD_SIGNATURE, result(report, m.shard(0, 1), forger).outcome());
    assertTrue(
        obs.all.stream().anyMatch(o -> o.peer().equals(stale) && o.outcome() == Outcome.BAD_TIME));
    // The replayer answers its first challenge honestly, then repeats that answer.
    long replayed =
        report.shards().stream()
            .flatMap(x -> x.peers().stream())
            .filter(p -> p.peer().equals(replayer) && p.outcome() == AuditOutcome.REPLAYED)
            .count();
    long replayerCopies = m.shards().stream().filter(e -> e.placement().contains(replayer)).count();
    assertTrue(replayerCopies >= 2, "the replayer holds two shards");
    // With concurrent challenges the first answer may come later than others, but only one is new.
    assertEquals(replayerCopies - 1, replayed, report.byNode().get(replayer).toString());
  }

  @Test
  void shouldCallAnAnswerStaleWhenItArrivesAfterTheWindow() throws Exception {
    long seed = 55;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG, seed), seed);
    Manifest m = up.manifest();
    PeerId slow = m.shard(0, 0).placement().get(0);
    net.node(slow).auditDelay(Duration.ofSeconds(40));
    // One challenge at a time, so the slow node's clock jump touches no other answer.
    AuditReport report =
        engine(net, seed, EngineListener.NONE, AuditEngine.Options.defaults().withMaxInFlight(1))
            .audit(m, AuditState.fresh(m), AuditEngine.Selection.all(), Trace.NONE);
    AuditReport.PeerAudit r = result(report, m.shard(0, 0), slow);
    assertEquals(AuditOutcome.STALE, r.outcome());
    assertEquals(Freshness.STALE, r.freshness().orElseThrow());
    assertEquals(report.challenged() - 1, report.passed());
  }

  @Test
  void shouldNeverReuseARoundAndReportExhaustedShards() throws Exception {
    long seed = 56;
    FakeNetwork net = new FakeNetwork(seed, 6);
    Fixture.Uploaded up = upload(net, data(3000, seed), seed);
    Manifest m = up.manifest();
    AuditState state = AuditState.fresh(m);
    int rounds = m.shard(0, 0).auditRounds().size();
    for (int r = 0; r < rounds; r++) {
      byte[] saved = state.encode();
      state = AuditState.decode(saved);
      AuditReport report =
          engine(net, seed + r, EngineListener.NONE)
              .audit(m, state, AuditEngine.Selection.all(), Trace.NONE);
      assertTrue(report.allPassed(), "round " + r + ": " + report);
    }
    AuditReport after =
        engine(net, seed, EngineListener.NONE)
            .audit(m, state, AuditEngine.Selection.all(), Trace.NONE);
    assertEquals(m.shards().size(), after.exhausted());
    assertEquals(0, after.challenged());
    assertFalse(after.allPassed());
    // A lost state reuses round 0, which honest nodes refuse.
    AuditReport reused =
        engine(net, seed, EngineListener.NONE)
            .audit(m, AuditState.fresh(m), AuditEngine.Selection.all(), Trace.NONE);
    assertTrue(
        reused.shards().stream()
            .flatMap(x -> x.peers().stream())
            .allMatch(
                p ->
                    p.outcome() == AuditOutcome.REFUSED
                        && p.refusal().orElseThrow() == ErrorCode.AUDIT_NONCE_REPLAYED));
  }

  @Test
  void shouldAuditASampleOfShards() throws Exception {
    long seed = 57;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 4, seed), seed);
    Manifest m = up.manifest();
    AuditState state = AuditState.fresh(m);
    AuditReport report =
        engine(net, seed, EngineListener.NONE)
            .audit(m, state, AuditEngine.Selection.sample(5), Trace.NONE);
    assertEquals(5, report.shards().size());
    assertEquals(5, report.passed());
    int spent = 0;
    for (ShardEntry e : m.shards()) {
      spent += e.auditRounds().size() - state.remaining(e);
    }
    assertEquals(5, spent);
    assertEquals(
        5, net.nodes().stream().mapToInt(FakeNode::audits).sum(), "no other node was challenged");
  }

  @Test
  void shouldAuditTheShardsOfDistrustedPeersFirstThenSampleTheRest() throws Exception {
    long seed = 59;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 4, seed), seed);
    Manifest m = up.manifest();
    PeerId suspect = m.shards().get(0).placement().get(0);
    long held =
        m.shards().stream().filter(e -> e.placement().contains(suspect)).count(); // 1 per segment
    assertTrue(held >= 2 && held < m.shards().size(), "held " + held);

    // A sample larger than the suspect's share: all of its shards, plus others to fill up.
    int n = (int) held + 3;
    AuditReport big =
        engine(net, seed, EngineListener.NONE)
            .audit(
                m,
                AuditState.fresh(m),
                AuditEngine.Selection.sample(n, java.util.Set.of(suspect)),
                Trace.NONE);
    assertEquals(n, big.shards().size());
    assertEquals(
        held,
        big.shards().stream()
            .filter(a -> a.peers().stream().anyMatch(p -> p.peer().equals(suspect)))
            .count(),
        "every shard of the suspect was audited");

    // A sample smaller than its share: only the suspect's shards.
    AuditReport small =
        engine(net, seed + 1, EngineListener.NONE)
            .audit(
                m,
                AuditState.fresh(m),
                AuditEngine.Selection.sample(2, java.util.Set.of(suspect)),
                Trace.NONE);
    assertEquals(2, small.shards().size());
    assertTrue(
        small.shards().stream()
            .allMatch(a -> a.peers().stream().anyMatch(p -> p.peer().equals(suspect))),
        small.toString());
  }

  @Test
  void shouldRefuseAStateOfAnotherFile() throws Exception {
    FakeNetwork net = new FakeNetwork(58, 6);
    Manifest a = upload(net, data(100, 1), 1).manifest();
    Manifest b = upload(net, data(100, 2), 2).manifest();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            engine(net, 58, EngineListener.NONE)
                .audit(a, AuditState.fresh(b), AuditEngine.Selection.all(), Trace.NONE));
    assertTrue(
        List.of(a.fileId(), b.fileId()).stream().distinct().count() == 2, "distinct file ids");
  }
}
