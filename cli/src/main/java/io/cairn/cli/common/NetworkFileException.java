/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.IOException;

/** A network file that is not valid: the message names the file, the field and the problem. */
public final class NetworkFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public NetworkFileException(String message) {
    super(message);
  }
}
