/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

/**
 * Serves one protocol id. Each inbound stream gets its own virtual thread, so a handler may block
 * freely. When it returns, the stream is closed (half-close, rest discarded); when it throws, the
 * stream is reset and the error logged.
 */
@FunctionalInterface
public interface StreamHandler {
  void handle(P2pStream stream) throws Exception;
}
