/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {
  private static Policy parse(String text) throws Exception {
    return Policy.parse(new StringReader(text));
  }

  private static String error(String text) {
    return assertThrows(SentinelFormatException.class, () -> parse(text)).getMessage();
  }

  @Test
  void shouldRoundTripEveryKnobThroughTheFile() throws Exception {
    assertEquals(Policy.defaults(), parse(Policy.defaults().toProperties()));
    Policy changed =
        Policy.defaults()
            .with("audit.lambda", 0.999)
            .with("latency.slowAboveMillis", 5000)
            .with("integrity.honestFaultRate", 0.0001);
    Policy back = parse(changed.toProperties());
    assertEquals(changed, back);
    assertEquals(changed.fingerprint(), back.fingerprint());
  }

  @Test
  void shouldShipTheDefaultsAsADocumentedFile() throws IOException {
    try (InputStream in = Policy.class.getResourceAsStream("default-policy.properties")) {
      assertTrue(in != null, "default-policy.properties on the class path");
      String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(
          Policy.defaults().toProperties(),
          file,
          "regenerate sentinel/src/main/resources/io/cairn/sentinel/default-policy.properties"
              + " with ./cairn sentinel policy");
    }
  }

  @Test
  void shouldBeExplainedKnobByKnobInTheDocs() throws IOException {
    // Tests run in the module's folder; the docs live at the repository root.
    String doc = Files.readString(Path.of("..", "docs", "sentinel.md"));
    for (Policy.Knob k : Policy.knobs()) {
      assertTrue(doc.contains("`" + k.key() + "`"), k.key() + " missing from docs/sentinel.md");
    }
  }

  @Test
  void shouldKeepDefaultsForKeysLeftOut() throws Exception {
    Policy p = parse("# only one knob\naudit.lambda = 0.99\n\n");
    assertEquals(0.99, p.auditLambda());
    assertEquals(Policy.defaults().with("audit.lambda", 0.99), p);
    assertEquals(Policy.defaults(), parse(""));
  }

  @Test
  void shouldDescribeEveryKnobOnce() {
    Set<String> keys = new HashSet<>();
    for (Policy.Knob k : Policy.knobs()) {
      assertTrue(keys.add(k.key()), k.key());
      assertTrue(k.help().endsWith("."), k.key());
      assertTrue(k.min() <= k.defaultValue() && k.defaultValue() <= k.max(), k.key());
      assertTrue(Policy.defaults().toProperties().contains("\n" + k.key() + " = "), k.key());
    }
  }

  @Test
  void shouldNameTheLineOfAnUnknownKeyAndSuggestTheNearest() {
    String m = error("audit.lambda = 0.9\naudit.lamda = 0.9\n");
    assertEquals("policy line 2: unknown key 'audit.lamda' (did you mean 'audit.lambda'?)", m);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "audit.lambda = 2|policy line 1: audit.lambda must be in 0.5..0.9999, got 2",
        "audit.lambda = x|policy line 1: audit.lambda must be a number, got 'x'",
        "audit.lambda = NaN|policy line 1: audit.lambda must be in 0.5..0.9999, got NaN",
        "failures.window = 9.5|policy line 1: failures.window must be a whole number, got 9.5",
        "just words|policy line 1: expected 'key = value', got 'just words'",
        "audit.suspectBelow = 0.97|policy: audit.suspectBelow (0.97) must be <="
            + " audit.suspectReleaseAbove (0.95)",
        "integrity.releaseBelow = 3|policy: integrity.releaseBelow (3) must be <"
            + " integrity.quarantineAbove (3)",
        "integrity.honestFaultRate = 0.2|policy: integrity.honestFaultRate (0.2) must be <"
            + " integrity.dishonestFaultRate (0.05)",
      })
  void shouldRejectBadValuesWithTheLineAndLimit(String text, String message) {
    assertEquals(message, error(text));
  }

  @Test
  void shouldRejectARepeatedKey() {
    assertEquals(
        "policy line 3: vetting.audits already set on line 1",
        error("vetting.audits = 5\n\nvetting.audits = 6\n"));
  }

  @Test
  void shouldRejectOutOfRangeChangesInCode() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Policy.defaults().with("nope", 1));
    assertEquals("unknown key 'nope'", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Policy.defaults().with("vetting.placementShare", 2));
  }

  @Test
  void shouldFingerprintValuesAndListDifferences() {
    Policy a = Policy.defaults();
    Policy b = a.with("quarantine.minHours", 48);
    assertNotEquals(a.fingerprint(), b.fingerprint());
    assertEquals(16, a.fingerprint().length());
    var diff = a.diff(b);
    assertEquals(Set.of("quarantine.minHours"), diff.keySet());
    assertEquals(24.0, diff.get("quarantine.minHours")[0]);
    assertEquals(48.0, diff.get("quarantine.minHours")[1]);
  }

  @Test
  void shouldDeriveTheIntegrityStepsFromTheRates() {
    Policy p = Policy.defaults();
    assertEquals(Math.log(0.05 / 0.002), p.faultIncrement(), 1e-12);
    assertEquals(Math.log(0.998 / 0.95), p.cleanDecrement(), 1e-12);
    assertTrue(p.faultIncrement() >= p.integrityQuarantineAbove(), "one fault quarantines");
  }

  @Test
  void shouldFormatNumbersAsTheFileWritesThem() {
    assertEquals("24", Policy.format(24));
    assertEquals("0.002", Policy.format(0.002));
    assertEquals("0.9999", Policy.format(0.9999));
    assertEquals("1.0E-6", Policy.format(1e-6));
  }
}
