/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * A policy file, evidence file or state file could not be read: the message names the line or field
 * and the limit it broke.
 */
public final class SentinelFormatException extends Exception {
  public SentinelFormatException(String message) {
    super(message);
  }

  public SentinelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
