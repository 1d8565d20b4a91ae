/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password read by {@link PasswordSource}: the characters and where they came from. Close it (use
 * try-with-resources) as soon as the keys are derived; closing overwrites the characters. It has no
 * {@code equals}, and {@link #toString()} shows only the source.
 */
public final class Password implements AutoCloseable {
  /** Where a password came from. */
  public enum Source {
    /** {@code --password-file FILE}. */
    FILE,
    /** The {@code CAIRN_PASSWORD} environment variable. */
    ENVIRONMENT,
    /** Typed at the terminal. */
    PROMPT
  }

  private final char[] chars;
  private final Source source;
  private boolean wiped;

  /** Takes ownership of {@code chars}: the caller must not keep or wipe it. */
  public Password(char[] chars, Source source) {
    this.chars = Objects.requireNonNull(chars, "chars");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * The characters themselves (not a copy, so that nothing needs wiping but this object).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public char[] chars() {
    if (wiped) {
      throw new IllegalStateException("the password was already wiped");
    }
    return chars;
  }

  public Source source() {
    return source;
  }

  /** Overwrites the characters with zeros. */
  @Override
  public void close() {
    Arrays.fill(chars, '\0');
    wiped = true;
  }

  @Override
  public String toString() {
    return "Password[source=" + source + ", <redacted>]";
  }
}
