/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.internal.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of peers the answering peer knows. Each record is signed by the peer it describes: check
 * {@link PeerRecord#verifySignature()} before using one.
 *
 * @param peers at most {@link Protocols#MAX_PEERS_PER_EXCHANGE} records
 */
public record PeerExchangeResponse(List<PeerRecord> peers) implements PeersAnswer {
  public PeerExchangeResponse {
    peers = List.copyOf(peers);
    if (peers.size() > Protocols.MAX_PEERS_PER_EXCHANGE) {
      throw new IllegalArgumentException(
          "PeerExchangeResponse.peers has "
              + peers.size()
              + " records, more than "
              + Protocols.MAX_PEERS_PER_EXCHANGE);
    }
  }

  public io.cairn.protocol.wire.PeerExchangeResponse toProto() {
    var b = io.cairn.protocol.wire.PeerExchangeResponse.newBuilder();
    for (PeerRecord r : peers) {
      b.addPeers(r.toProto());
    }
    return b.build();
  }

  /**
   * Validates a decoded response; does not check the records' signatures.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static PeerExchangeResponse fromProto(io.cairn.protocol.wire.PeerExchangeResponse p)
      throws ProtocolException {
    if (p.getPeersCount() > Protocols.MAX_PEERS_PER_EXCHANGE) {
      throw Fields.malformed(
          "PeerExchangeResponse.peers has "
              + p.getPeersCount()
              + " records, more than "
              + Protocols.MAX_PEERS_PER_EXCHANGE);
    }
    List<PeerRecord> out = new ArrayList<>();
    for (var r : p.getPeersList()) {
      out.add(PeerRecord.fromProto(r));
    }
    return new PeerExchangeResponse(out);
  }
}
