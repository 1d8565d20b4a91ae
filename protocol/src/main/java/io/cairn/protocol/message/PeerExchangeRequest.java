/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a peer for records of peers it knows.
 *
 * @param maxPeers how many records at most, 1..{@link Protocols#MAX_PEERS_PER_EXCHANGE}
 * @param self the requester's own signed record, to be learned by the answering peer
 */
public record PeerExchangeRequest(int maxPeers, Optional<PeerRecord> self) implements PeersCall {
  public PeerExchangeRequest {
    Objects.requireNonNull(self, "self");
    if (maxPeers < 1 || maxPeers > Protocols.MAX_PEERS_PER_EXCHANGE) {
      throw new IllegalArgumentException(
          "PeerExchangeRequest.maxPeers must be in 1.."
              + Protocols.MAX_PEERS_PER_EXCHANGE
              + ", got "
              + maxPeers);
    }
  }

  public io.cairn.protocol.wire.PeerExchangeRequest toProto() {
    var b = io.cairn.protocol.wire.PeerExchangeRequest.newBuilder().setMaxPeers(maxPeers);
    self.ifPresent(r -> b.setSelf(r.toProto()));
    return b.build();
  }

  /**
   * Validates a decoded request; does not check the signature of {@code self}.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static PeerExchangeRequest fromProto(io.cairn.protocol.wire.PeerExchangeRequest p)
      throws ProtocolException {
    Optional<PeerRecord> self =
        p.hasSelf() ? Optional.of(PeerRecord.fromProto(p.getSelf())) : Optional.empty();
    int max = p.getMaxPeers();
    return Fields.build("PeerExchangeRequest", () -> new PeerExchangeRequest(max, self));
  }
}
