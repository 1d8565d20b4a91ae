/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Sentinel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proof: 1,000 nodes over 30 simulated days, fixed seeds. Bars: no honest or merely
 * slow node is disqualified; at least 99% of dishonest nodes are quarantined within 10 audits of
 * their first fault.
 */
class SimulationTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void shouldMeetTheBarsOnAThousandNodesOverThirtyDays(long seed) {
    SimulationReport r = new Simulation(SimulationConfig.of(seed, 1000, 30)).run();
    String msg = "seed " + seed + "\n" + r.toText();
    assertTrue(r.barsMet(), msg);
    assertEquals(0, r.honestDisqualified(), msg);
    assertTrue(r.dishonestWithin10Audits() >= 0.99, msg);
    for (Behaviour b : Behaviour.values()) {
      SimulationReport.ClassStats c = r.classes().get(b);
      if (b.dishonest()) {
        assertEquals(c.nodes(), c.exposed(), b + " " + msg);
        assertEquals(c.nodes(), c.everQuarantined(), b + " " + msg);
        assertTrue(c.auditsToQuarantine().max() <= 10, b + " " + msg);
      } else {
        assertEquals(0, c.disqualified(), b + " " + msg);
      }
    }
    // Timeouts never disqualify: the evaders are quarantined, never disqualified.
    assertEquals(0, r.classes().get(Behaviour.EVADER).disqualified(), msg);
    // Proven liars are disqualified.
    assertEquals(
        r.classes().get(Behaviour.LIAR).nodes(),
        r.classes().get(Behaviour.LIAR).disqualified(),
        msg);
    assertEquals(1.0, r.detection().precision(), msg);
    assertEquals(1.0, r.detection().recall(), msg);
    // Honest nodes are left alone; latency jumps are noticed within a few samples.
    SimulationReport.ClassStats honest = r.classes().get(Behaviour.HONEST);
    assertEquals(0, honest.everQuarantined(), msg);
    assertTrue(honest.everSuspect() <= 0.02 * honest.nodes(), msg);
    assertEquals(
        r.classes().get(Behaviour.DEGRADING).nodes(), r.samplesToNoticeLatencyJump().count(), msg);
    assertTrue(r.samplesToNoticeLatencyJump().max() <= 5, msg);
    assertTrue(r.events() > 1_000_000, msg);
  }

  @Test
  void shouldGiveTheSameReportForTheSameSeed() {
    SimulationConfig c = SimulationConfig.of(42, 150, 6);
    List<Evidence> a = new ArrayList<>();
    List<Evidence> b = new ArrayList<>();
    SimulationReport ra = new Simulation(c).run(a::add);
    SimulationReport rb = new Simulation(c).run(b::add);
    assertEquals(ra.toJson(), rb.toJson());
    assertEquals(ra.toText(), rb.toText());
    assertEquals(a, b);
    // The recorded evidence replays to the states the simulation ended with.
    Sentinel replayed = Sentinel.replay(Policy.defaults(), a);
    int quarantinedOrWorse = 0;
    for (var n : replayed.nodes()) {
      if (n.state().compareTo(NodeState.QUARANTINED) >= 0) {
        quarantinedOrWorse++;
      }
    }
    int expected = 0;
    for (var s : ra.classes().values()) {
      expected +=
          s.finalStates().getOrDefault(NodeState.QUARANTINED, 0)
              + s.finalStates().getOrDefault(NodeState.DISQUALIFIED, 0);
    }
    assertEquals(expected, quarantinedOrWorse);
  }

  @Test
  void shouldWriteTheFullReport() {
    SimulationReport r = new Simulation(SimulationConfig.of(5, 100, 4)).run();
    String text = r.toText();
    for (String s :
        List.of(
            "sentinel simulation: seed 5, 100 nodes, 4 days",
            "precision",
            "recall",
            "time from first fault to quarantine",
            "bar: no honest or merely slow node disqualified",
            "evader")) {
      assertTrue(text.contains(s), s + "\n" + text);
    }
    assertTrue(r.toJson().contains("\"bars\""));
  }

  @Test
  void shouldSimulateAnotherPolicy() {
    // With the integrity statistic and proofs switched off, detection must get slower.
    Policy lax =
        Policy.defaults().with("integrity.quarantineAbove", 1000).with("audit.disqualifyProofs", 0);
    SimulationReport strict = new Simulation(SimulationConfig.of(3, 300, 10)).run();
    SimulationReport loose = new Simulation(SimulationConfig.of(3, 300, 10).withPolicy(lax)).run();
    assertTrue(
        loose.auditsToQuarantine().mean() > strict.auditsToQuarantine().mean(),
        strict.toText() + "\n" + loose.toText());
  }
}
