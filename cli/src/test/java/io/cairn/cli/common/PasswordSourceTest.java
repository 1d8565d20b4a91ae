/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.common.PasswordSource.Purpose;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
  @TempDir Path dir;

  private final StringWriter errText = new StringWriter();
  private final PrintWriter err = new PrintWriter(errText, true);

  private Path file(String content, String perms) throws Exception {
    Path f = dir.resolve("pw-" + System.nanoTime());
    Files.write(f, content.getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    return f;
  }

  private static CliEnv env(Map<String, String> vars) {
    return CliEnv.of(vars, Path.of("/home/nobody"));
  }

  private String read(Optional<Path> file, Purpose purpose, CliEnv env) throws Exception {
    try (Password p = PasswordSource.read(file, purpose, "test", env, err)) {
      return new String(p.chars());
    }
  }

  @Test
  void shouldReadTheFirstLineOfThePasswordFileWithoutItsLineEnd() throws Exception {
    assertEquals(
        "s3cret", read(Optional.of(file("s3cret\n", "rw-------")), Purpose.UNLOCK, env(Map.of())));
    assertEquals(
        "s3cret",
        read(
            Optional.of(file("s3cret\r\nsecond line\n", "rw-------")),
            Purpose.UNLOCK,
            env(Map.of())));
    assertEquals(
        "no newline",
        read(Optional.of(file("no newline", "rw-------")), Purpose.CREATE, env(Map.of())));
    assertEquals(
        " spaces kept ",
        read(Optional.of(file(" spaces kept \n", "rw-------")), Purpose.UNLOCK, env(Map.of())));
    assertEquals(
        "pässwörd",
        read(Optional.of(file("pässwörd\n", "r--------")), Purpose.UNLOCK, env(Map.of())));
    assertEquals("", errText.toString());
  }

  @Test
  void shouldWarnWhenOthersCanReadThePasswordFile() throws Exception {
    Path f = file("s3cret\n", "rw-r--r--");
    assertEquals("s3cret", read(Optional.of(f), Purpose.UNLOCK, env(Map.of())));
    String warning = errText.toString();
    assertTrue(warning.startsWith("cairn: warning: password file " + f), warning);
    assertTrue(warning.contains("rw-r--r--") && warning.contains("chmod 600 " + f), warning);
    assertTrue(!warning.contains("s3cret"), warning);
  }

  @Test
  void shouldPreferTheFileToTheEnvironmentAndTheEnvironmentToThePrompt() throws Exception {
    ScriptedPrompt prompt = new ScriptedPrompt("typed");
    CliEnv env = env(Map.of(PasswordSource.ENV_VARIABLE, "from-env")).withPrompt(prompt);
    assertEquals(
        "from-file", read(Optional.of(file("from-file\n", "rw-------")), Purpose.UNLOCK, env));
    try (Password p = PasswordSource.read(Optional.empty(), Purpose.CREATE, "x", env, err)) {
      assertEquals("from-env", new String(p.chars()));
      assertEquals(Password.Source.ENVIRONMENT, p.source());
    }
    assertEquals(List.of(), prompt.prompts());
  }

  @Test
  void shouldAskOnceToUnlockAndTwiceToCreate() throws Exception {
    ScriptedPrompt unlock = new ScriptedPrompt("typed");
    assertEquals("typed", read(Optional.empty(), Purpose.UNLOCK, env(Map.of()).withPrompt(unlock)));
    assertEquals(List.of("Password for test: "), unlock.prompts());

    ScriptedPrompt create = new ScriptedPrompt("typed", "typed");
    assertEquals("typed", read(Optional.empty(), Purpose.CREATE, env(Map.of()).withPrompt(create)));
    assertEquals(List.of("New password for test: ", "Repeat the password: "), create.prompts());
  }

  @Test
  void shouldAskAgainWhenTheTwoEntriesDiffer() throws Exception {
    ScriptedPrompt prompt = new ScriptedPrompt("one", "two", "good", "good");
    assertEquals("good", read(Optional.empty(), Purpose.CREATE, env(Map.of()).withPrompt(prompt)));
    assertTrue(errText.toString().contains("the two passwords differ"), errText.toString());
  }

  @Test
  void shouldGiveUpAfterThreeMismatches() {
    ScriptedPrompt prompt = new ScriptedPrompt("a", "b", "c", "d", "e", "f", "g", "h");
    CliException e =
        assertThrows(
            CliException.class,
            () -> read(Optional.empty(), Purpose.CREATE, env(Map.of()).withPrompt(prompt)));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertEquals(2, prompt.unused());
  }

  @Test
  void shouldNameTheThreeWaysWhenNoSourceIsAvailable() {
    CliException e =
        assertThrows(
            CliException.class, () -> read(Optional.empty(), Purpose.UNLOCK, env(Map.of())));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("--password-file FILE"), e.getMessage());
    assertTrue(e.getMessage().contains("CAIRN_PASSWORD"), e.getMessage());
    assertTrue(e.getMessage().contains("terminal"), e.getMessage());
  }

  @Test
  void shouldRefuseEmptyPasswordsAndAClosedTerminal() throws Exception {
    Path empty = file("\nsecond\n", "rw-------");
    assertThrows(CliException.class, () -> read(Optional.of(empty), Purpose.UNLOCK, env(Map.of())));
    assertThrows(
        CliException.class,
        () -> read(Optional.empty(), Purpose.UNLOCK, env(Map.of(PasswordSource.ENV_VARIABLE, ""))));
    assertThrows(
        CliException.class,
        () ->
            read(Optional.empty(), Purpose.UNLOCK, env(Map.of()).withPrompt(new ScriptedPrompt())));
    assertThrows(
        CliException.class,
        () ->
            read(
                Optional.empty(),
                Purpose.UNLOCK,
                env(Map.of()).withPrompt(new ScriptedPrompt(""))));
  }

  @Test
  void shouldRefuseMissingOversizedAndNonUtf8Files() throws Exception {
    assertThrows(
        NoSuchFileException.class,
        () -> read(Optional.of(dir.resolve("absent")), Purpose.UNLOCK, env(Map.of())));
    Path big = dir.resolve("big");
    Files.write(big, new byte[PasswordSource.MAX_FILE_BYTES + 1]);
    Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-------"));
    assertThrows(CliException.class, () -> read(Optional.of(big), Purpose.UNLOCK, env(Map.of())));
    Path latin1 = dir.resolve("latin1");
    Files.write(latin1, new byte[] {'p', (byte) 0xe4, 'w', '\n'});
    Files.setPosixFilePermissions(latin1, PosixFilePermissions.fromString("rw-------"));
    CliException e =
        assertThrows(
            CliException.class, () -> read(Optional.of(latin1), Purpose.UNLOCK, env(Map.of())));
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
  }

  @Test
  void shouldWipeThePasswordWhenClosed() throws Exception {
    Password p =
        PasswordSource.read(
            Optional.of(file("wipe-me\n", "rw-------")), Purpose.UNLOCK, "x", env(Map.of()), err);
    char[] chars = p.chars();
    p.close();
    assertArrayEquals(new char[7], chars);
    assertThrows(IllegalStateException.class, p::chars);
    assertEquals("Password[source=FILE, <redacted>]", p.toString());
  }

  @Test
  void shouldNotShowThePasswordInTheEnvironmentsToString() {
    CliEnv env = env(Map.of(PasswordSource.ENV_VARIABLE, "hunter2"));
    assertTrue(env.toString().contains("CAIRN_PASSWORD"), env.toString());
    assertTrue(!env.toString().contains("hunter2"), env.toString());
  }
}
