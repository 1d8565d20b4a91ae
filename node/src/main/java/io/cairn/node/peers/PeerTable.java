/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.peers;

import io.cairn.node.store.StoreException;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Peers this node knows, persisted so a restart can dial them without the bootstrap list. Bounded:
 * when full, adding a peer evicts the one seen longest ago. Soft state: writes are not synced, so a
 * crash may lose the last updates. Thread-safe.
 */
public interface PeerTable {
  /** Most peers kept. */
  int DEFAULT_CAPACITY = 4096;

  /** Most addresses kept per peer (the newest win). */
  int MAX_ADDRESSES_PER_PEER = 8;

  /**
   * Records that {@code peer} was seen at {@code seenAt}, reachable at {@code addresses} (merged
   * with the known ones, newest first, at most {@link #MAX_ADDRESSES_PER_PEER}). A {@code /p2p/}
   * suffix is stripped; an address naming another peer is refused.
   *
   * @throws IllegalArgumentException if an address carries a different peer id
   */
  PeerRecord upsert(PeerId peer, List<Multiaddr> addresses, Instant seenAt) throws StoreException;

  Optional<PeerRecord> get(PeerId peer);

  /** All peers, most recently seen first. */
  List<PeerRecord> list();

  boolean remove(PeerId peer) throws StoreException;

  int size();

  int capacity();
}
