/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.client.engine.AuditOutcome;
import io.cairn.client.engine.NodeObservation;
import io.cairn.client.manifest.ManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong(77);

  private JsonReport report(String command, Path file) {
    return new JsonReport(command, Optional.of(file), InstantSource.fixed(START), nanos::get);
  }

  @Test
  void shouldWriteTheEnvelopeAndTheCommandsFields() throws Exception {
    Path file = dir.resolve("r.json");
    JsonReport r = report("upload", file);
    nanos.addAndGet(1_234_999_999L);
    UploadReport details =
        new UploadReport(
            "a.bin",
            "a.cmf",
            "00ff",
            10,
            4,
            3,
            2,
            1,
            1,
            9,
            18,
            20,
            new UploadReport.Timings(5, 6, 7, 8),
            1,
            List.of(
                new UploadReport.Shard(
                    0,
                    0,
                    "bafkreiexample",
                    2,
                    List.of("12D3KooWa"),
                    List.of(new UploadReport.Receipt("12D3KooWa", START, true)),
                    List.of(
                        new UploadReport.Attempt(
                            "12D3KooWb", NodeObservation.Outcome.TIMEOUT, 5000, false, "timed out"),
                        new UploadReport.Attempt(
                            "12D3KooWa", NodeObservation.Outcome.OK, 12, true, null)))));
    r.succeeded(details);
    JsonNode n = JSON.readTree(file.toFile());
    assertEquals(JsonReport.SCHEMA, n.get("schema").asText());
    assertEquals("upload", n.get("command").asText());
    assertEquals("2026-03-01T10:00:00.123Z", n.get("startedAt").asText());
    assertEquals(1234, n.get("durationMs").asLong());
    assertTrue(n.get("ok").asBoolean());
    assertEquals(0, n.get("exitCode").asInt());
    assertTrue(n.get("error").isNull());
    assertEquals(9, n.get("shardCount").asInt());
    assertEquals(7, n.get("timings").get("storeMs").asInt());
    JsonNode shard = n.get("shards").get(0);
    assertEquals("timeout", shard.get("attempts").get(0).get("outcome").asText());
    assertEquals("ok", shard.get("attempts").get(1).get("outcome").asText());
    assertTrue(shard.get("attempts").get(1).get("error").isNull());
    assertEquals("2026-03-01T10:00:00.123Z", shard.get("receipts").get(0).get("storedAt").asText());
    assertTrue(Files.readString(file).contains("\n  \"schema\" : "), "pretty-printed");
    assertFalse(Files.exists(dir.resolve("r.json.partial")));
  }

  @Test
  void shouldRecordTheFailureWithItsExitCode() throws Exception {
    Path file = dir.resolve("r.json");
    ManifestException e =
        new ManifestException(ManifestException.Reason.WRONG_PASSWORD, "wrong password");
    report("retrieve", file).failed(e, null);
    JsonNode n = JSON.readTree(file.toFile());
    assertFalse(n.get("ok").asBoolean());
    assertEquals(3, n.get("exitCode").asInt());
    assertEquals(3, n.get("error").get("code").asInt());
    assertEquals("WRONG_PASSWORD", n.get("error").get("name").asText());
    assertEquals("wrong password", n.get("error").get("message").asText());
    assertEquals(0, e.getSuppressed().length);
  }

  @Test
  void shouldSerializeOutcomesInLowerCase() throws Exception {
    RetrieveReport retrieve =
        new RetrieveReport(
            "m",
            "-",
            1,
            1,
            1,
            new RetrieveReport.Timings(1, 2, 3),
            2,
            1,
            1,
            1,
            List.of(
                new RetrieveReport.Segment(
                    0,
                    List.of(new RetrieveReport.ShardUse(2, "c", "p")),
                    true,
                    List.of(
                        new RetrieveReport.Attempt(
                            0, "c0", "p", NodeObservation.Outcome.BAD_PROOF, 3, false, "sig")))));
    JsonNode r =
        JSON.readTree(
            new JsonReport("retrieve", Optional.empty(), InstantSource.fixed(START), nanos::get)
                .render(null, retrieve));
    assertEquals(
        "bad_proof", r.get("segments").get(0).get("attempts").get(0).get("outcome").asText());
    AuditReport audit =
        new AuditReport(
            "m",
            1,
            0,
            1,
            0,
            List.of(
                new AuditReport.ShardOutcome(
                    0, 1, "c", "p", 3, AuditOutcome.BAD_SIGNATURE, 4, "bad signature")),
            List.of(new AuditReport.NodeOutcome("p", 1, 0, 1, 0, "suspect")));
    JsonNode a =
        JSON.readTree(
            new JsonReport("audit", Optional.empty(), InstantSource.fixed(START), nanos::get)
                .render(null, audit));
    assertEquals("bad_signature", a.get("shards").get(0).get("outcome").asText());
    assertEquals("suspect", a.get("nodes").get(0).get("state").asText());
  }

  @Test
  void shouldRefuseDetailsThatShadowTheEnvelope() {
    JsonReport r = report("x", dir.resolve("r.json"));
    assertThrows(IllegalArgumentException.class, () -> r.render(null, Map.of("ok", false)));
    assertThrows(IllegalArgumentException.class, () -> r.render(null, List.of(1)));
  }

  @Test
  void shouldWriteNothingWithoutATarget() throws Exception {
    JsonReport r = JsonReport.start("x", Optional.empty(), InstantSource.system());
    r.succeeded(Map.of("a", 1));
    r.failed(new java.io.IOException("x"), null);
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void shouldNotLetAFailedReportHideTheError() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    java.io.IOException original = new java.io.IOException("the real failure");
    report("x", notADir.resolve("r.json")).failed(original, null);
    assertEquals(1, original.getSuppressed().length);
  }
}
