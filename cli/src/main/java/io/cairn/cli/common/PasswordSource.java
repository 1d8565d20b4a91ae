/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a command gets the password, in this order:
 *
 * <ol>
 *   <li>{@code --password-file FILE}: the first line of the file (UTF-8), without its line end. A
 *       file that group or others may read is used, with a warning to {@code chmod 600} it;
 *   <li>the {@value #ENV_VARIABLE} environment variable;
 *   <li>a prompt on the terminal, echo off; when the password is being chosen ({@link
 *       Purpose#CREATE}) it is asked twice and must match.
 * </ol>
 *
 * With none of the three (no file given, variable unset, no terminal) it fails with a usage error
 * that names all three. An empty password is refused. The password is never logged; the caller
 * closes the returned {@link Password}, which wipes it.
 */
public final class PasswordSource {
  /** The environment variable read when no password file is given. */
  public static final String ENV_VARIABLE = "CAIRN_PASSWORD";

  /** Largest password file read; a password is a line, not a document. */
  public static final int MAX_FILE_BYTES = 64 * 1024;

  /** How many times a prompt asks again after two entries differ. */
  public static final int MAX_PROMPT_ATTEMPTS = 3;

  /** Why the password is wanted. */
  public enum Purpose {
    /** To open something that already exists: asked once. */
    UNLOCK,
    /**
     * To protect something new (upload, migrate): asked twice at a prompt, since a typo is fatal.
     */
    CREATE
  }

  private PasswordSource() {}

  /**
   * Reads the password.
   *
   * @param file the {@code --password-file} option, if given
   * @param purpose whether the password is being chosen
   * @param what what the password is for, shown in the prompt ({@code "manifest notes.cmf"})
   * @param env variables and terminal
   * @param err where warnings go
   * @throws CliException with {@link ExitCodes#USAGE} when no source is available, the file is
   *     empty or not UTF-8, or the two prompted entries differ
   * @throws IOException when the file cannot be read
   */
  public static Password read(
      Optional<Path> file, Purpose purpose, String what, CliEnv env, PrintWriter err)
      throws CliException, IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(purpose, "purpose");
    if (file.isPresent()) {
      return fromFile(file.get(), err);
    }
    Optional<String> variable = env.get(ENV_VARIABLE);
    if (variable.isPresent()) {
      if (variable.get().isEmpty()) {
        throw CliException.usage(
            ENV_VARIABLE + " is set but empty; an empty password is not allowed");
      }
      return new Password(variable.get().toCharArray(), Password.Source.ENVIRONMENT);
    }
    if (env.prompt().isPresent()) {
      return fromPrompt(env.prompt().get(), purpose, what, err);
    }
    throw CliException.usage(
        "no password: pass --password-file FILE, set "
            + ENV_VARIABLE
            + ", or run in a terminal to be asked for it");
  }

  /** The first line of {@code file}; warns when others may read it. */
  static Password fromFile(Path file, PrintWriter err) throws CliException, IOException {
    if (Files.isDirectory(file)) {
      throw CliException.usage("password file " + file + " is a directory");
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "password file");
    }
    warnIfShared(file, err);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    try {
      if (bytes.length > MAX_FILE_BYTES) {
        throw CliException.usage(
            "password file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
      if (end == 0) {
        throw CliException.usage(
            "password file " + file + " is empty (its first line is the password)");
      }
      return new Password(decodeUtf8(bytes, end, file), Password.Source.FILE);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static char[] decodeUtf8(byte[] bytes, int length, Path file) throws CliException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(length);
    try {
      var result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
      if (result.isError()) {
        result.throwException();
      }
      decoder.flush(chars);
      chars.flip();
      char[] out = new char[chars.remaining()];
      chars.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw CliException.usage("password file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(chars.array(), '\0');
    }
  }

  private static void warnIfShared(Path file, PrintWriter err) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (IOException | UnsupportedOperationException e) {
      return; // Not a POSIX file system: nothing to check.
    }
    if (perms.contains(PosixFilePermission.GROUP_READ)
        || perms.contains(PosixFilePermission.OTHERS_READ)) {
      err.println(
          "cairn: warning: password file "
              + file
              + " can be read by other users (permissions "
              + PosixFilePermissions.toString(perms)
              + "); restrict it with: chmod 600 "
              + file);
      err.flush();
    }
  }

  private static Password fromPrompt(
      PasswordPrompt prompt, Purpose purpose, String what, PrintWriter err) throws CliException {
    String label = what == null || what.isBlank() ? "" : " for " + what;
    for (int attempt = 1; ; attempt++) {
      char[] first =
          prompt.readPassword(
              purpose == Purpose.CREATE
                  ? "New password" + label + ": "
                  : "Password" + label + ": ");
      if (first == null) {
        throw CliException.usage("no password: the terminal closed before one was typed");
      }
      if (first.length == 0) {
        throw CliException.usage("an empty password is not allowed");
      }
      if (purpose == Purpose.UNLOCK) {
        return new Password(first, Password.Source.PROMPT);
      }
      char[] second = prompt.readPassword("Repeat the password: ");
      try {
        if (second != null && Arrays.equals(first, second)) {
          return new Password(first, Password.Source.PROMPT);
        }
      } finally {
        if (second != null) {
          Arrays.fill(second, '\0');
        }
      }
      Arrays.fill(first, '\0');
      if (attempt >= MAX_PROMPT_ATTEMPTS) {
        throw CliException.usage("the two passwords differed " + attempt + " times; giving up");
      }
      err.println("cairn: the two passwords differ; try again");
      err.flush();
    }
  }
}
