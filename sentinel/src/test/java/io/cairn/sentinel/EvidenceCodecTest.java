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
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceCodecTest {
  private static final String NODE = "12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";
  private static final String CID = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

  static List<Evidence> oneOfEach(long at) {
    return List.of(
        new Evidence.AuditPassed(NODE, at, CID, 84),
        new Evidence.AuditFailed(NODE, at, CID, AuditFailure.WRONG_HASH),
        new Evidence.AuditFailed(NODE, at, CID, AuditFailure.NOT_FOUND),
        new Evidence.AuditFailed(NODE, at, CID, AuditFailure.BAD_TIME),
        new Evidence.AuditTimedOut(NODE, at, CID),
        new Evidence.RetrievalSucceeded(NODE, at, CID, 120),
        new Evidence.RetrievalFailed(NODE, at, CID, RetrievalFailure.NOT_FOUND),
        new Evidence.RetrievalFailed(NODE, at, CID, RetrievalFailure.REFUSED),
        new Evidence.RetrievalFailed(NODE, at, CID, RetrievalFailure.ERROR),
        new Evidence.CorruptData(NODE, at, CID),
        new Evidence.BadSignature(NODE, at, SignedMessage.RECEIPT),
        new Evidence.BadSignature(NODE, at, SignedMessage.AUDIT_RESPONSE),
        new Evidence.LatencySample(NODE, at, 95),
        new Evidence.Unreachable(NODE, at));
  }

  @Test
  void shouldRoundTripEveryType() throws Exception {
    for (Evidence e : oneOfEach(1_767_225_600_000L)) {
      String json = EvidenceCodec.toJson(e);
      assertTrue(json.startsWith("{\"type\":\"" + e.type() + "\""), json);
      assertEquals(e, EvidenceCodec.fromJson(json), json);
    }
  }

  @Test
  void shouldWriteTheDocumentedForm() {
    assertEquals(
        "{\"type\":\"audit-failed\",\"node\":\"n1\",\"at\":5,\"shard\":\"s1\",\"failure\":\"WRONG_HASH\"}",
        EvidenceCodec.toJson(new Evidence.AuditFailed("n1", 5, "s1", AuditFailure.WRONG_HASH)));
    assertEquals(
        "{\"type\":\"unreachable\",\"node\":\"n1\",\"at\":5}",
        EvidenceCodec.toJson(new Evidence.Unreachable("n1", 5)));
  }

  @Test
  void shouldRoundTripJsonLinesForRandomEvidence() throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<Evidence> es = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        List<Evidence> all = oneOfEach(r.nextLong(0, Long.MAX_VALUE));
        es.add(all.get(r.nextInt(all.size())));
      }
      StringWriter w = new StringWriter();
      EvidenceCodec.write(es, w);
      assertEquals(es, EvidenceCodec.read(new StringReader(w.toString()), 1000), "seed " + seed);
    }
  }

  @Test
  void shouldSkipBlankAndCommentLines() throws Exception {
    String text =
        "# recorded by a test\n\n{\"type\":\"unreachable\",\"node\":\"n\",\"at\":1}\n  \n";
    assertEquals(
        List.of(new Evidence.Unreachable("n", 1)), EvidenceCodec.read(new StringReader(text), 10));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"gossip\",\"node\":\"n\",\"at\":1}|evidence line 2: unknown evidence type"
            + " 'gossip'",
        "{\"type\":\"unreachable\",\"at\":1}|evidence line 2: field 'node' missing",
        "{\"type\":\"unreachable\",\"node\":\"n\",\"at\":1,\"x\":2}|evidence line 2: unknown"
            + " field 'x'",
        "{\"type\":\"unreachable\",\"node\":\"n\",\"at\":-1}|evidence line 2: at must be epoch"
            + " milliseconds >= 0, got -1",
        "{\"type\":\"unreachable\",\"node\":\"n\",\"at\":1.5}|evidence line 2: field 'at' must"
            + " be a whole number",
        "{\"type\":\"unreachable\",\"node\":\"a b\",\"at\":1}|evidence line 2: node must be"
            + " printable ASCII without spaces",
        "{\"type\":\"latency\",\"node\":\"n\",\"at\":1,\"latencyMillis\":99999999999}|evidence"
            + " line 2: latencyMillis must be in 0..86400000",
        "{\"type\":\"audit-failed\",\"node\":\"n\",\"at\":1,\"shard\":\"s\",\"failure\":\"LOST\"}"
            + "|evidence line 2: field 'failure' must be one of WRONG_HASH, NOT_FOUND, BAD_TIME,"
            + " got 'LOST'",
        "[1,2]|evidence line 2: expected a JSON object",
        "{\"type\":|evidence line 2: not JSON",
      })
  void shouldNameTheLineOfABadEvent(String line, String message) {
    String text = "{\"type\":\"unreachable\",\"node\":\"n\",\"at\":1}\n" + line + "\n";
    SentinelFormatException e =
        assertThrows(
            SentinelFormatException.class, () -> EvidenceCodec.read(new StringReader(text), 10));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void shouldBoundLineLengthAndEventCount() {
    String longLine = "{\"type\":\"unreachable\",\"node\":\"" + "n".repeat(5000) + "\",\"at\":1}";
    assertEquals(
        "evidence line 1: longer than 4096 characters",
        assertThrows(
                SentinelFormatException.class,
                () -> EvidenceCodec.read(new StringReader(longLine), 10))
            .getMessage());
    String two = "{\"type\":\"unreachable\",\"node\":\"n\",\"at\":1}\n".repeat(2);
    assertEquals(
        "evidence line 2: more than 1 events",
        assertThrows(
                SentinelFormatException.class, () -> EvidenceCodec.read(new StringReader(two), 1))
            .getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "tab\tinside", "é"})
  void shouldRejectBadIds(String id) {
    assertThrows(IllegalArgumentException.class, () -> new Evidence.Unreachable(id, 0));
    assertThrows(IllegalArgumentException.class, () -> new Evidence.CorruptData("n", 0, id));
  }

  @Test
  void shouldRejectTooLongIdsAndBadLatency() {
    String id = "x".repeat(Evidence.MAX_ID_LENGTH + 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Evidence.Unreachable(id, 0));
    assertEquals("node must be 1..128 characters, got 129", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Evidence.LatencySample("n", 0, -1));
    assertThrows(NullPointerException.class, () -> new Evidence.BadSignature("n", 0, null));
  }
}
