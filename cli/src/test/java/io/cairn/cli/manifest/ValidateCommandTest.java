/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import static io.cairn.cli.manifest.TestManifests.PASSWORD;
import static io.cairn.cli.manifest.TestManifests.env;
import static io.cairn.cli.manifest.TestManifests.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.PasswordSource;
import io.cairn.cli.common.ScriptedPrompt;
import io.cairn.cli.manifest.TestManifests.Run;
import io.cairn.client.manifest.ManifestLimits;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static byte[] manifest;

  @TempDir Path dir;

  @BeforeAll
  static void build() throws Exception {
    manifest = TestManifests.build(PASSWORD, 150_000, 42); // 3 segments of 64 KiB
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path passwordFile(String password) throws Exception {
    Path f = dir.resolve("pw");
    Files.writeString(f, password + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  private CliEnv testEnv() {
    return env(dir);
  }

  @Test
  void shouldReportAValidManifestWithItsSummary() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().endsWith("valid" + System.lineSeparator()), r.toString());
    assertTrue(r.out().contains("format         version 1"), r.toString());
    assertTrue(r.out().contains("notes.txt, 150,000 bytes (150.0 kB)"), r.toString());
    assertTrue(r.out().contains("3 segments of up to 65,536 bytes"), r.toString());
    assertTrue(r.out().contains("k=2 data + m=1 parity"), r.toString());
    assertTrue(r.out().contains("9 shards"), r.toString());
    assertTrue(r.out().contains("3 distinct peers, 2 per shard"), r.toString());
    assertTrue(r.out().contains("18 rounds, 2 per shard"), r.toString());
    assertTrue(r.out().contains("created        2026-01-02T03:04:05Z"), r.toString());
    assertTrue(r.out().contains("password       ok, auth tag verified"), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void shouldTakeThePasswordFromTheEnvironmentOrThePrompt() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run fromEnv = run(env(dir, PasswordSource.ENV_VARIABLE, PASSWORD), "validate", m.toString());
    assertEquals(0, fromEnv.code(), fromEnv.toString());
    ScriptedPrompt prompt = new ScriptedPrompt(PASSWORD);
    Run typed = run(testEnv().withPrompt(prompt), "validate", m.toString());
    assertEquals(0, typed.code(), typed.toString());
    assertEquals(1, prompt.prompts().size());
    assertTrue(prompt.prompts().get(0).contains("notes.cmf"), prompt.prompts().toString());
  }

  @Test
  void shouldExitThreeOnAWrongPassword() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--password-file",
            passwordFile("not it").toString());
    assertEquals(ExitCodes.WRONG_PASSWORD, r.code(), r.toString());
    assertTrue(r.err().startsWith("cairn: error: wrong password"), r.toString());
    assertTrue(r.out().contains("password       WRONG"), r.toString());
    assertTrue(r.out().endsWith("invalid" + System.lineSeparator()), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void shouldExitFourOnATamperedAuthTag() throws Exception {
    byte[] tampered = manifest.clone();
    tampered[tampered.length - 1] ^= 1; // the last byte of the auth tag
    Path m = write("t.cmf", tampered);
    Run r =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(ExitCodes.MANIFEST_INVALID, r.code(), r.toString());
    assertTrue(r.err().contains("altered after it was written"), r.toString());
    assertTrue(r.out().contains("TAMPERED"), r.toString());
  }

  @Test
  void shouldExitFourOnAnEditedBodyEvenWithoutPassword() throws Exception {
    byte[] edited = manifest.clone();
    edited[edited.length - 64 - 1] ^= 1; // the last byte of the Merkle root, under the hash
    Path m = write("e.cmf", edited);
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(ExitCodes.MANIFEST_INVALID, r.code(), r.toString());
    assertTrue(r.err().startsWith("cairn: error: manifest hash mismatch"), r.toString());
    assertEquals("", r.out());
  }

  @Test
  void shouldCheckIntegrityOnlyWithNoPassword() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("not checked (--no-password)"), r.toString());
  }

  @Test
  void shouldExitFiveOnAManifestOverTheSizeLimit() throws Exception {
    Path m = dir.resolve("huge.cmf");
    try (RandomAccessFile f = new RandomAccessFile(m.toFile(), "rw")) {
      f.write("CAIRNMF".getBytes(StandardCharsets.US_ASCII));
      f.setLength(ManifestLimits.MAX_ENCODED_BYTES + 1L); // sparse: nothing is written
    }
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(ExitCodes.LIMIT_EXCEEDED, r.code(), r.toString());
    assertTrue(r.err().contains("16777217 bytes; a manifest is at most 16777216"), r.toString());
  }

  @Test
  void shouldSayClearlyWhenTheFileIsMissing() {
    Path m = dir.resolve("absent.cmf");
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertEquals("cairn: error: " + m + ": no such file" + System.lineSeparator(), r.err());
  }

  @Test
  void shouldNameTheWaysToGiveAPasswordWhenThereIsNone() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r = run(testEnv(), "validate", m.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(
        r.err().contains("--password-file FILE, set CAIRN_PASSWORD, or run in a terminal"),
        r.toString());
  }

  @Test
  void shouldPointALegacyManifestToMigrate() throws Exception {
    Path m = write("old.json", "{\"version\": 0}".getBytes(StandardCharsets.UTF_8));
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(ExitCodes.MANIFEST_INVALID, r.code(), r.toString());
    assertTrue(r.err().contains("cairn migrate"), r.toString());
  }

  @Test
  void shouldRejectGarbageAsNotAManifest() throws Exception {
    Path m = write("junk", "hello world".getBytes(StandardCharsets.UTF_8));
    Run r = run(testEnv(), "validate", m.toString(), "--no-password");
    assertEquals(ExitCodes.MANIFEST_INVALID, r.code(), r.toString());
    assertTrue(r.err().contains("not a Cairn manifest"), r.toString());
  }

  @Test
  void shouldPrintJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path m = write("notes.cmf", manifest);
    Run ok =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--json",
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(0, ok.code(), ok.toString());
    JsonNode n = json.readTree(ok.out());
    assertEquals("cairn.validate/v1", n.get("schema").asText());
    assertTrue(n.get("valid").asBoolean());
    assertEquals("ok", n.get("checks").get("authTag").asText());
    assertEquals(150_000, n.get("summary").get("fileSize").asLong());
    assertEquals(2, n.get("summary").get("k").asInt());
    assertTrue(n.get("error").isNull());

    Run wrong =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--json",
            "--password-file",
            passwordFile("nope").toString());
    assertEquals(3, wrong.code(), wrong.toString());
    JsonNode w = json.readTree(wrong.out());
    assertFalse(w.get("valid").asBoolean());
    assertEquals("failed", w.get("checks").get("password").asText());
    assertEquals("not-run", w.get("checks").get("authTag").asText());
    assertEquals("WRONG_PASSWORD", w.get("error").get("name").asText());
    assertEquals(3, w.get("error").get("code").asInt());
  }

  @Test
  void shouldRefuseNoPasswordWithAPasswordFile() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r =
        run(
            testEnv(),
            "validate",
            m.toString(),
            "--no-password",
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
  }

  @Test
  void shouldShowTheManifestWithoutAPassword() throws Exception {
    Path m = write("notes.cmf", manifest);
    Run r = run(testEnv(), "manifest", "show", m.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        9,
        r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+bafkrei\\S+.*")).count(),
        r.toString());
    Run j = run(testEnv(), "manifest", "show", "--json", m.toString());
    assertEquals(0, j.code(), j.toString());
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertEquals(9, n.get("shards").size());
    assertEquals("notes.txt", n.get("file_name").asText());
  }
}
