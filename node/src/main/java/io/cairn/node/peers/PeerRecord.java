/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.peers;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A known peer: where it can be dialed and when it was last seen.
 *
 * @param peerId the peer
 * @param addresses its dial addresses, at most {@link PeerTable#MAX_ADDRESSES_PER_PEER}, without
 *     the {@code /p2p/} suffix
 * @param lastSeen last successful contact
 */
public record PeerRecord(PeerId peerId, List<Multiaddr> addresses, Instant lastSeen) {
  public PeerRecord {
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(lastSeen, "lastSeen");
    addresses = List.copyOf(addresses);
    if (addresses.size() > PeerTable.MAX_ADDRESSES_PER_PEER) {
      throw new IllegalArgumentException(
          "a peer record holds at most "
              + PeerTable.MAX_ADDRESSES_PER_PEER
              + " addresses, got "
              + addresses.size());
    }
  }
}
