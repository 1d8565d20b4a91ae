/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command may read from the process around it: environment variables, the home directory,
 * the terminal (for password prompts and the progress bar) and the clock. Commands get it with
 * {@link #of(CommandSpec)}; tests build one by hand, so nothing reads {@code System.getenv} or the
 * console behind a test's back.
 *
 * <p>{@link #toString()} lists variable names only: {@code CAIRN_PASSWORD} may be among them.
 *
 * @param variables the environment variables
 * @param userHome the user's home directory ({@code ~})
 * @param prompt the terminal to ask for a password on, if there is one
 * @param stderrIsTerminal whether standard error is a terminal (the progress bar draws only then)
 * @param clock wall-clock time for reports and file timestamps
 * @param stdin standard input ({@code cairn upload -} reads the data from it)
 */
public record CliEnv(
    Map<String, String> variables,
    Path userHome,
    Optional<PasswordPrompt> prompt,
    boolean stderrIsTerminal,
    InstantSource clock,
    java.io.InputStream stdin) {

  /** Set to {@code 1} (or any value but {@code 0} and empty) for stack traces on errors. */
  public static final String DEBUG_VARIABLE = "CAIRN_DEBUG";

  /** The root command implements this so that its subcommands and mixins can find the env. */
  public interface Holder {
    CliEnv env();
  }

  public CliEnv {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(stdin, "stdin");
  }

  /**
   * The real process: {@code System.getenv()}, {@code user.home}, the console, the system clock.
   */
  public static CliEnv system() {
    return new CliEnv(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        ConsolePrompt.open(),
        isTerminal(2),
        InstantSource.system(),
        System.in);
  }

  /** A test environment: these variables, this home, no terminal, the system clock. */
  public static CliEnv of(Map<String, String> variables, Path userHome) {
    return new CliEnv(
        variables,
        userHome,
        Optional.empty(),
        false,
        InstantSource.system(),
        java.io.InputStream.nullInputStream());
  }

  /**
   * The env of the command tree {@code spec} belongs to ({@link #system()} outside {@code Main}).
   */
  public static CliEnv of(CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof Holder h ? h.env() : system();
  }

  public CliEnv withPrompt(PasswordPrompt prompt) {
    return new CliEnv(variables, userHome, Optional.of(prompt), stderrIsTerminal, clock, stdin);
  }

  public CliEnv withStderrTerminal(boolean terminal) {
    return new CliEnv(variables, userHome, prompt, terminal, clock, stdin);
  }

  public CliEnv withClock(InstantSource clock) {
    return new CliEnv(variables, userHome, prompt, stderrIsTerminal, clock, stdin);
  }

  public CliEnv withStdin(java.io.InputStream stdin) {
    return new CliEnv(variables, userHome, prompt, stderrIsTerminal, clock, stdin);
  }

  /** The value of a variable, if it is set (an empty value counts as set). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Whether {@value #DEBUG_VARIABLE} asks for stack traces. */
  public boolean debug() {
    String v = variables.get(DEBUG_VARIABLE);
    return v != null && !v.isEmpty() && !v.equals("0");
  }

  @Override
  public String toString() {
    return "CliEnv[variables="
        + new TreeMap<>(variables).keySet()
        + ", userHome="
        + userHome
        + ", prompt="
        + prompt.isPresent()
        + ", stderrIsTerminal="
        + stderrIsTerminal
        + "]";
  }

  /**
   * Whether file descriptor {@code fd} (0, 1 or 2) is a terminal. On Linux this reads where {@code
   * /proc/self/fd/<fd>} points; elsewhere it falls back to whether the JDK found a console, which
   * only says something about standard input and output.
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Fall through to the console check.
    }
    Console console = System.console();
    return console != null && console.isTerminal();
  }

  /** Asks on the process's terminal, with echo off. */
  private record ConsolePrompt(Console console) implements PasswordPrompt {
    static Optional<PasswordPrompt> open() {
      Console console = System.console();
      // The JDK may hand out a console over non-terminal streams; a prompt needs a real terminal.
      if (console == null || !isTerminal(0)) {
        return Optional.empty();
      }
      return Optional.of(new ConsolePrompt(console));
    }

    @Override
    public char[] readPassword(String prompt) {
      return console.readPassword("%s", prompt);
    }
  }
}
