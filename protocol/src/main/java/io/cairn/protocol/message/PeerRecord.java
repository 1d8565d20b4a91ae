/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import com.google.protobuf.ByteString;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.internal.Canonical;
import io.cairn.protocol.message.internal.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A peer's signed list of its own addresses, relayed by peer exchange. Signed by the peer it
 * describes, so a relaying peer cannot change it; a higher {@code seq} replaces a lower one.
 *
 * <p>Signing form (docs/protocol.md): {@code "cairn/peer-record/v1" 00 || lp(peer) || u64 seq ||
 * u16 count || lp(addr_1) || … || lp(addr_count)}.
 *
 * @param peer the peer described, whose key signs
 * @param addrs its addresses (at most {@link Protocols#MAX_ADDRS_PER_PEER}, none with /p2p)
 * @param seq ordering of records of one peer, e.g. Unix epoch milliseconds of creation
 * @param signature the peer's Ed25519 signature of {@link #signingBytes()}
 */
public record PeerRecord(PeerId peer, List<Multiaddr> addrs, long seq, Bytes signature) {
  /** Domain-separation tag of the signing form. */
  public static final String DOMAIN = "cairn/peer-record/v1";

  public PeerRecord {
    Objects.requireNonNull(peer, "peer");
    addrs = List.copyOf(addrs);
    checkAddrs(addrs);
    Messages.checkTime(seq, "PeerRecord.seq");
    Messages.checkSignature(signature, "PeerRecord.signature");
  }

  /** Signs a record of the peer whose private key is {@code peerKey}. */
  public static PeerRecord sign(List<Multiaddr> addrs, long seq, Ed25519.PrivateKey peerKey) {
    PeerId peer = PeerId.of(peerKey.publicKey());
    List<Multiaddr> copy = List.copyOf(addrs);
    checkAddrs(copy);
    byte[] sig = peerKey.sign(signingBytes(peer, copy, seq));
    return new PeerRecord(peer, copy, seq, Bytes.wrap(sig));
  }

  private static void checkAddrs(List<Multiaddr> addrs) {
    if (addrs.size() > Protocols.MAX_ADDRS_PER_PEER) {
      throw new IllegalArgumentException(
          "PeerRecord.addrs has "
              + addrs.size()
              + " addresses, more than "
              + Protocols.MAX_ADDRS_PER_PEER);
    }
    for (Multiaddr a : addrs) {
      if (a.peerId().isPresent()) {
        throw new IllegalArgumentException("PeerRecord.addrs must not end in /p2p: " + a);
      }
    }
  }

  /** The canonical bytes the signature covers. */
  public byte[] signingBytes() {
    return signingBytes(peer, addrs, seq);
  }

  private static byte[] signingBytes(PeerId peer, List<Multiaddr> addrs, long seq) {
    Canonical c = Canonical.domain(DOMAIN).bytes(peer.toBytes()).u64(seq).u16(addrs.size());
    for (Multiaddr a : addrs) {
      c.bytes(a.toBytes());
    }
    return c.toByteArray();
  }

  /** Whether the signature is valid under the key of {@link #peer()}. */
  public boolean verifySignature() {
    return Ed25519.verify(peer.publicKey(), signingBytes(), signature.toArray());
  }

  /** Whether {@code expectedPeer} signed this record about itself. */
  public boolean verify(PeerId expectedPeer) {
    return peer.equals(expectedPeer) && verifySignature();
  }

  /** The addresses with {@code /p2p/<peer>} appended, ready to dial. */
  public List<Multiaddr> dialAddrs() {
    return addrs.stream().map(a -> a.withPeerId(peer)).toList();
  }

  public io.cairn.protocol.wire.PeerRecord toProto() {
    var b =
        io.cairn.protocol.wire.PeerRecord.newBuilder()
            .setPeer(bs(peer.toBytes()))
            .setSeq(seq)
            .setSignature(bs(signature));
    for (Multiaddr a : addrs) {
      b.addAddrs(bs(a.toBytes()));
    }
    return b.build();
  }

  /**
   * Validates a decoded record (lengths, counts, addresses); does not check the signature.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static PeerRecord fromProto(io.cairn.protocol.wire.PeerRecord p) throws ProtocolException {
    PeerId peer = Fields.peerId(p.getPeer(), "PeerRecord.peer");
    if (p.getAddrsCount() > Protocols.MAX_ADDRS_PER_PEER) {
      throw Fields.malformed(
          "PeerRecord.addrs has "
              + p.getAddrsCount()
              + " addresses, more than "
              + Protocols.MAX_ADDRS_PER_PEER);
    }
    List<Multiaddr> addrs = new ArrayList<>();
    for (ByteString a : p.getAddrsList()) {
      addrs.add(Fields.multiaddr(a, "PeerRecord.addrs"));
    }
    long seq = p.getSeq();
    Bytes sig = Fields.fixed(p.getSignature(), Protocols.SIGNATURE_LENGTH, "PeerRecord.signature");
    return Fields.build("PeerRecord", () -> new PeerRecord(peer, addrs, seq, sig));
  }
}
