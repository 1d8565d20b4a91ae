/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * Muxer choice inside the Noise payloads (libp2p inlined muxer negotiation). A side that offers no
 * muxers ignores the remote's list and negotiates with multistream-select; a side that offers some
 * skips multistream-select exactly when the remote offered some too, and then picks the first entry
 * of the initiator's list that both support. No common entry fails the handshake.
 */
public final class InlinedMuxer {
  private InlinedMuxer() {}

  /**
   * @return the muxer to start without multistream-select, or empty to negotiate it
   */
  public static Optional<String> choose(NoiseXX.Role role, List<String> local, List<String> remote)
      throws GeneralSecurityException {
    if (local.isEmpty() || remote.isEmpty()) {
      return Optional.empty();
    }
    List<String> initiators = role == NoiseXX.Role.INITIATOR ? local : remote;
    List<String> responders = role == NoiseXX.Role.INITIATOR ? remote : local;
    for (String m : initiators) {
      if (responders.contains(m)) {
        return Optional.of(m);
      }
    }
    throw new GeneralSecurityException(
        "no common stream muxer: we offer " + local + ", the remote offers " + remote);
  }
}
