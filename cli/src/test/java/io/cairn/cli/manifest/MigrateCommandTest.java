/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import static io.cairn.cli.manifest.TestManifests.PASSWORD;
import static io.cairn.cli.manifest.TestManifests.env;
import static io.cairn.cli.manifest.TestManifests.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.ScriptedPrompt;
import io.cairn.cli.manifest.TestManifests.Run;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.manifest.LegacyManifest;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.manifest.ManifestMigration;
import io.cairn.protocol.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn migrate} on the v0 sample of the client SDK (copied here). The sample's KDF costs
 * are the v0 defaults (64 MiB, t = 3), so tests that migrate it run Argon2id for real; the cheap
 * variant keeps the others fast.
 */
class MigrateCommandTest {
  private static byte[] sample;
  private static byte[] cheapSample;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    sample = resource("legacy-v0-sample.json");
    // The kdf object is not covered by the v0 manifest hash, so its costs may be lowered.
    String cheap =
        new String(sample, StandardCharsets.UTF_8)
            .replace(
                "\"kdf\": {\"memory_kib\": 65536, \"iterations\": 3, \"parallelism\": 1}",
                "\"kdf\": {\"memory_kib\": 8, \"iterations\": 1, \"parallelism\": 1}");
    cheapSample = cheap.getBytes(StandardCharsets.UTF_8);
    if (cheap.equals(new String(sample, StandardCharsets.UTF_8))) {
      throw new IllegalStateException("the sample's kdf line changed; update this test");
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = MigrateCommandTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path passwordFile(String password) throws IOException {
    Path f = dir.resolve("pw");
    Files.writeString(f, password + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  private CliEnv testEnv() {
    return env(dir);
  }

  /** The SDK's own migration of {@code v0} with {@code password}. */
  private static byte[] expected(byte[] v0, String password) throws Exception {
    LegacyManifest legacy = LegacyManifest.parse(v0);
    try (RootKey root =
            KeySchedule.deriveRoot(password.getBytes(StandardCharsets.UTF_8), legacy.kdf());
        ManifestKeys keys = ManifestKeys.from(root)) {
      return ManifestCodec.encode(ManifestMigration.migrate(legacy, keys, Instant.EPOCH));
    }
  }

  @Test
  void shouldMigrateTheSampleToTheGoldenManifest() throws Exception {
    Path old = write("notes.json", sample);
    Path out = dir.resolve("notes.cmf");
    ScriptedPrompt prompt = new ScriptedPrompt(PASSWORD, PASSWORD);
    Run r = run(testEnv().withPrompt(prompt), "migrate", old.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        List.of("New password for the migrated manifest: ", "Repeat the password: "),
        prompt.prompts());
    assertTrue(r.err().contains("cannot be checked now"), r.toString());
    assertTrue(r.out().contains("9 shards in 3 segments, 4 audit rounds"), r.toString());
    byte[] migrated = Files.readAllBytes(out);
    String golden =
        new String(resource("legacy-v0-sample.migrated.hex"), StandardCharsets.US_ASCII).strip();
    assertEquals(golden, Bytes.wrap(migrated).toHex());
    assertArrayEquals(expected(sample, PASSWORD), migrated);
    assertArrayEquals(sample, Files.readAllBytes(old), "OLD is left as it was");
    assertFalse(Files.exists(dir.resolve("notes.cmf.partial")));
  }

  @Test
  void shouldProduceAManifestThatValidatesWithThePasswordOnly() throws Exception {
    Path old = write("notes.json", cheapSample);
    Path out = dir.resolve("notes.cmf");
    Run r =
        run(
            testEnv(),
            "migrate",
            old.toString(),
            "-o",
            out.toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(0, r.code(), r.toString());
    Manifest m = ManifestCodec.decode(Files.readAllBytes(out));
    assertEquals("notes.txt", m.fileName().orElseThrow());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), m.createdAt());

    Run valid =
        run(
            testEnv(),
            "validate",
            out.toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(0, valid.code(), valid.toString());
    Run wrong =
        run(
            testEnv(),
            "validate",
            out.toString(),
            "--password-file",
            passwordFile("other").toString());
    assertEquals(ExitCodes.WRONG_PASSWORD, wrong.code(), wrong.toString());
  }

  @Test
  void shouldRefuseToOverwriteWithoutForce() throws Exception {
    Path old = write("notes.json", cheapSample);
    Path out = write("notes.cmf", "precious".getBytes(StandardCharsets.US_ASCII));
    ScriptedPrompt prompt = new ScriptedPrompt(PASSWORD, PASSWORD);
    Run r = run(testEnv().withPrompt(prompt), "migrate", old.toString(), "-o", out.toString());
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(
        r.err().contains(out + ": already exists (use --force to replace it)"), r.toString());
    assertEquals("precious", Files.readString(out));
    assertEquals(List.of(), prompt.prompts(), "refused before asking for the password");

    Run forced =
        run(
            testEnv().withPrompt(new ScriptedPrompt(PASSWORD, PASSWORD)),
            "migrate",
            old.toString(),
            "-o",
            out.toString(),
            "--force");
    assertEquals(0, forced.code(), forced.toString());
    assertArrayEquals(expected(cheapSample, PASSWORD), Files.readAllBytes(out));
  }

  @Test
  void shouldRefuseToWriteOverTheOldFile() throws Exception {
    Path old = write("notes.json", cheapSample);
    Run r =
        run(
            testEnv(),
            "migrate",
            old.toString(),
            "-o",
            old.toString(),
            "--force",
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertArrayEquals(cheapSample, Files.readAllBytes(old));
  }

  @Test
  void shouldWriteNothingWhenTheTwoPasswordsNeverMatch() throws Exception {
    Path old = write("notes.json", cheapSample);
    Path out = dir.resolve("notes.cmf");
    ScriptedPrompt prompt = new ScriptedPrompt("a", "b", "c", "d", "e", "f");
    Run r = run(testEnv().withPrompt(prompt), "migrate", old.toString(), "-o", out.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void shouldReportAnEditedLegacyManifest() throws Exception {
    String edited =
        new String(cheapSample, StandardCharsets.UTF_8)
            .replace("\"file_size\": 2500", "\"file_size\": 2400");
    Path old = write("notes.json", edited.getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("notes.cmf");
    Run r =
        run(
            testEnv(),
            "migrate",
            old.toString(),
            "-o",
            out.toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(ExitCodes.MANIFEST_INVALID, r.code(), r.toString());
    assertTrue(r.err().contains("legacy manifest hash mismatch"), r.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void shouldSayThereIsNothingToMigrateInACurrentManifest() throws Exception {
    Path current = write("current.cmf", TestManifests.build(PASSWORD, 100, 7));
    Run r =
        run(
            testEnv(),
            "migrate",
            current.toString(),
            "-o",
            dir.resolve("x").toString(),
            "--password-file",
            passwordFile(PASSWORD).toString());
    assertEquals(ExitCodes.FAILURE, r.code(), r.toString());
    assertTrue(r.err().contains("already a binary manifest"), r.toString());
  }

  @Test
  void shouldRequireTheOutputOption() throws Exception {
    Path old = write("notes.json", cheapSample);
    Run r = run(testEnv(), "migrate", old.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--output"), r.toString());
  }
}
