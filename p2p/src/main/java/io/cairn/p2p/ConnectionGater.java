/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import io.cairn.protocol.PeerId;

/**
 * Decides, right after the Noise handshake has proven who the remote is, whether a connection may
 * go on. A refused connection is closed before any stream opens. Runs on the event loop: it must
 * answer quickly and not block (an in-memory allowlist lookup).
 */
@FunctionalInterface
public interface ConnectionGater {
  /** Lets every peer in. */
  ConnectionGater ALLOW_ALL = (peer, inbound) -> true;

  /**
   * @param inbound true if the remote dialed us
   */
  boolean allow(PeerId remote, boolean inbound);
}
