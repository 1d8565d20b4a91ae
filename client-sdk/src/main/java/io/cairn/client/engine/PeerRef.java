/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.util.List;
import java.util.Objects;

/**
 * A storage node as the engines know it: its peer id and the addresses it may be dialled at.
 *
 * @param id the node's peer id; every answer it signs must verify under this id
 * @param addrs where to dial it, best first; may be empty when the transport can find the peer by
 *     id alone (a connection already open, a peer table). An address that names a peer ({@code
 *     /p2p/…}) must name {@code id}.
 */
public record PeerRef(PeerId id, List<Multiaddr> addrs) {
  public PeerRef {
    Objects.requireNonNull(id, "id");
    addrs = List.copyOf(Objects.requireNonNull(addrs, "addrs"));
    for (Multiaddr a : addrs) {
      a.peerId()
          .filter(p -> !p.equals(id))
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(
                    "address " + a + " names peer " + p + ", not " + id);
              });
    }
  }

  /** A peer known only by its id. */
  public static PeerRef of(PeerId id) {
    return new PeerRef(id, List.of());
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
