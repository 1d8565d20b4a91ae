/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentinelStoreTest {
  /** Random evidence about a handful of nodes, some of them misbehaving. */
  static List<Evidence> randomEvidence(long seed, int count, long start) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Evidence> es = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String node = "n" + r.nextInt(12);
      long at = start + i * 90_000L;
      boolean bad = node.equals("n3") || node.equals("n7");
      es.add(
          switch (r.nextInt(7)) {
            case 0 ->
                bad && r.nextInt(5) == 0
                    ? new Evidence.AuditFailed(
                        node, at, "s" + r.nextInt(40), AuditFailure.WRONG_HASH)
                    : new Evidence.AuditPassed(node, at, "s" + r.nextInt(40), 20 + r.nextInt(300));
            case 1 -> new Evidence.RetrievalSucceeded(node, at, "s" + r.nextInt(40), 90);
            case 2 -> new Evidence.LatencySample(node, at, 10 + r.nextInt(r.nextInt(5000) + 1));
            case 3 -> new Evidence.Unreachable(node, at);
            case 4 -> new Evidence.AuditTimedOut(node, at, "s" + r.nextInt(4));
            case 5 -> new Evidence.RetrievalFailed(node, at, "s9", RetrievalFailure.ERROR);
            default ->
                bad
                    ? new Evidence.CorruptData(node, at, "s" + r.nextInt(40))
                    : new Evidence.LatencySample(node, at, 50);
          });
    }
    return es;
  }

  private static String save(Sentinel s) throws Exception {
    StringWriter w = new StringWriter();
    SentinelStore.write(s, w);
    return w.toString();
  }

  private static Sentinel load(String text, Policy p, TimeSource t) throws Exception {
    return SentinelStore.read(new StringReader(text), p, t);
  }

  @Test
  void shouldContinueExactlyWhereItLeftOffAfterARoundTrip() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      StubTimeSource clock = new StubTimeSource();
      List<Evidence> es = randomEvidence(seed, 4_000, StubTimeSource.START);
      Sentinel original = new Sentinel(Policy.defaults(), clock);
      original.recordAll(es.subList(0, 2_000));
      String text = save(original);
      Sentinel restored = load(text, Policy.defaults(), clock);
      assertEquals(original.nodes(), restored.nodes(), "seed " + seed);
      assertEquals(original.evidenceLog(), restored.evidenceLog(), "seed " + seed);
      assertEquals(text, save(restored), "seed " + seed);
      List<Transition> a = original.recordAll(es.subList(2_000, 4_000));
      List<Transition> b = restored.recordAll(es.subList(2_000, 4_000));
      assertEquals(a, b, "seed " + seed);
      assertEquals(original.nodes(), restored.nodes(), "seed " + seed);
    }
  }

  @Test
  void shouldKeepOnlyTheNewestEvidence() throws Exception {
    Policy p = Policy.defaults().with("store.maxEvidence", 10);
    Sentinel s = new Sentinel(p, new StubTimeSource());
    List<Evidence> es = randomEvidence(9, 50, StubTimeSource.START);
    s.recordAll(es);
    assertEquals(es.subList(40, 50), s.evidenceLog());
    assertEquals(es.subList(40, 50), load(save(s), p, new StubTimeSource()).evidenceLog());
    // Restored under a smaller limit: the oldest go.
    Sentinel smaller =
        load(save(s), Policy.defaults().with("store.maxEvidence", 3), new StubTimeSource());
    assertEquals(es.subList(47, 50), smaller.evidenceLog());
  }

  @Test
  void shouldRestoreUnderAnotherPolicy() throws Exception {
    Sentinel s = new Sentinel(Policy.defaults(), new StubTimeSource());
    s.recordAll(randomEvidence(2, 500, StubTimeSource.START));
    Policy other =
        Policy.defaults()
            .with("latency.slowReleaseBelowMillis", 80)
            .with("latency.slowAboveMillis", 100);
    Sentinel r = load(save(s), other, new StubTimeSource());
    assertEquals(other, r.policy());
    assertEquals(s.nodes(), r.nodes());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"format\":\"x\",\"version\":1,\"policy\":\"p\",\"savedAt\":0,\"nodes\":[],"
            + "\"evidence\":[]}|state: format must be 'cairn-sentinel-state'",
        "{\"format\":\"cairn-sentinel-state\",\"version\":2,\"policy\":\"p\",\"savedAt\":0,"
            + "\"nodes\":[],\"evidence\":[]}|state: version 2 is not supported (this build reads 1)",
        "{\"format\":\"cairn-sentinel-state\",\"version\":1,\"policy\":\"p\",\"savedAt\":0,"
            + "\"nodes\":[],\"evidence\":[],\"extra\":1}|state: unknown field 'extra'",
        "{\"format\":\"cairn-sentinel-state\",\"version\":1,\"policy\":\"p\",\"savedAt\":0,"
            + "\"nodes\":[]}|state: field 'evidence' missing",
        "{\"format\":\"cairn-sentinel-state\",\"version\":1,\"policy\":\"p\",\"savedAt\":0,"
            + "\"nodes\":[],\"evidence\":[{\"type\":\"unreachable\",\"node\":\"n\"}]}|state"
            + " evidence 0: field 'at' missing",
        "{\"format\":\"cairn-sentinel-state\",\"version\":1,\"policy\":\"p\",\"savedAt\":0,"
            + "\"nodes\":[],\"evidence\":[NaN]}|state: not JSON",
        "[]|state: expected a JSON object",
      })
  void shouldRejectABrokenStateFileClearly(String text, String message) {
    SentinelFormatException e =
        assertThrows(
            SentinelFormatException.class,
            () -> load(text, Policy.defaults(), new StubTimeSource()));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void shouldRejectABadNodeValueNamingTheNodeAndField() throws Exception {
    Sentinel s = new Sentinel(Policy.defaults(), new StubTimeSource());
    s.record(new Evidence.LatencySample("node-a", StubTimeSource.START, 40));
    String good = save(s);
    String[][] cases = {
      {"\"events\":1", "\"events\":-1", "state node 0 (node-a): events must be >= 0, got -1"},
      {"\"state\":\"HEALTHY\"", "\"state\":\"OK\"", "state node 0 (node-a): field 'state' must be"},
      {"\"concerns\":[]", "\"concerns\":[\"bored\"]", "state node 0 (node-a): unknown concern"},
      {"\"auditBeta\":0.0", "\"auditBeta\":-1.0", "state node 0 (node-a): auditBeta must be"},
      {"\"contained\":{}", "\"contained\":{\"s1\":0}", "state node 0 (node-a): contained count"},
      {"\"vetting\":true", "\"vetting\":1", "state node 0 (node-a): field 'vetting' must be true"},
    };
    for (String[] c : cases) {
      assertTrue(good.contains(c[0]), c[0] + " in " + good);
      String bad = good.replace(c[0], c[1]);
      SentinelFormatException e =
          assertThrows(
              SentinelFormatException.class,
              () -> load(bad, Policy.defaults(), new StubTimeSource()),
              c[1]);
      assertTrue(e.getMessage().startsWith(c[2]), e.getMessage());
    }
  }
}
