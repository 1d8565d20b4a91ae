/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --password-file} option, as a picocli mixin: declare {@code @Mixin PasswordOptions
 * password;} in a command and call {@link #read} where the password is needed. See {@link
 * PasswordSource} for the order of sources.
 */
public final class PasswordOptions {
  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = {
        "Read the password from the first line of FILE (keep it chmod 600).",
        "Without it: the CAIRN_PASSWORD environment variable, else a prompt on the terminal."
      })
  Path passwordFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** For {@link Mixin} use; picocli fills the fields. */
  public PasswordOptions() {}

  /** The {@code --password-file} value, if given. */
  public Optional<Path> passwordFile() {
    return Optional.ofNullable(passwordFile);
  }

  /**
   * Reads the password from the first available source; warnings go to the command's error stream.
   * Close the result when the keys are derived.
   *
   * @param what what the password is for, shown in the prompt
   */
  public Password read(PasswordSource.Purpose purpose, String what)
      throws CliException, IOException {
    return PasswordSource.read(
        passwordFile(), purpose, what, CliEnv.of(mixee), mixee.commandLine().getErr());
  }
}
