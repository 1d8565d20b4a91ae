/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.PeerId;
import java.util.List;
import java.util.Optional;

/**
 * The engines' view of the network: the storage nodes the client knows (from bootstrap, peer
 * exchange or the control plane). Placement ranks these peers; retrieval uses them as the
 * deterministic fallbacks of a shard and to find the addresses of the peers a manifest names.
 *
 * <p>Implementations must be thread-safe. Each engine call takes one snapshot with {@link #peers()}
 * when it starts, so a directory that changes meanwhile does not change a running upload's
 * placement.
 */
@FunctionalInterface
public interface PeerDirectory {
  /** The known storage nodes, without duplicates; the order does not matter. */
  List<PeerRef> peers();

  /** The entry for {@code id}, if known. */
  default Optional<PeerRef> find(PeerId id) {
    for (PeerRef p : peers()) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A fixed directory. */
  static PeerDirectory of(List<PeerRef> peers) {
    List<PeerRef> copy = List.copyOf(peers);
    return () -> copy;
  }
}
