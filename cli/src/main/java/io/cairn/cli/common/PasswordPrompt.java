/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

/** A terminal to ask for a password on, with echo off. Tests use a scripted one. */
@FunctionalInterface
public interface PasswordPrompt {
  /**
   * Shows {@code prompt}, reads one line without echoing it and returns it without the line end, or
   * {@code null} at end of input. The caller wipes the array.
   */
  char[] readPassword(String prompt);
}
