/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.internal.Canonical;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * A node's signed statement that it durably stored a shard for a client.
 *
 * <p>Signing form (docs/protocol.md): {@code "cairn/store-receipt/v1" 00 || lp(node) || lp(cid) ||
 * u64 size || u64 storedAtMillis || lp(client)}, where lp is a 2-byte big-endian length and the
 * bytes, and u64 is 8 bytes big-endian.
 *
 * @param node the storing node, whose key signs
 * @param cid the shard
 * @param size the shard size in bytes
 * @param storedAtMillis when the shard was synced, Unix epoch milliseconds on the node's clock
 * @param client the peer that stored it
 * @param signature the node's Ed25519 signature of {@link #signingBytes()}
 */
public record StoreReceipt(
    PeerId node, Cid cid, long size, long storedAtMillis, PeerId client, Bytes signature)
    implements StoreAnswer {
  /** Domain-separation tag of the signing form. */
  public static final String DOMAIN = "cairn/store-receipt/v1";

  public StoreReceipt {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(signature, "signature");
    Messages.checkSize(size, "StoreReceipt.size");
    Messages.checkTime(storedAtMillis, "StoreReceipt.storedAtMillis");
    Messages.checkSignature(signature, "StoreReceipt.signature");
  }

  /** Signs a receipt as the node whose private key is {@code nodeKey}. */
  public static StoreReceipt sign(
      Cid cid, long size, long storedAtMillis, PeerId client, Ed25519.PrivateKey nodeKey) {
    PeerId node = PeerId.of(nodeKey.publicKey());
    byte[] sig = nodeKey.sign(signingBytes(node, cid, size, storedAtMillis, client));
    return new StoreReceipt(node, cid, size, storedAtMillis, client, Bytes.wrap(sig));
  }

  /** The canonical bytes the signature covers. */
  public byte[] signingBytes() {
    return signingBytes(node, cid, size, storedAtMillis, client);
  }

  private static byte[] signingBytes(
      PeerId node, Cid cid, long size, long storedAtMillis, PeerId client) {
    return Canonical.domain(DOMAIN)
        .bytes(node.toBytes())
        .bytes(cid.toBytes())
        .u64(size)
        .u64(storedAtMillis)
        .bytes(client.toBytes())
        .toByteArray();
  }

  /**
   * Whether the signature is valid under the key of {@link #node()}. This says nothing about
   * whether {@code node} is the peer you asked: use {@link #verify(PeerId)} for that.
   */
  public boolean verifySignature() {
    return Ed25519.verify(node.publicKey(), signingBytes(), signature.toArray());
  }

  /** Whether {@code expectedNode} signed this receipt. */
  public boolean verify(PeerId expectedNode) {
    return node.equals(expectedNode) && verifySignature();
  }

  public io.cairn.protocol.wire.StoreReceipt toProto() {
    return io.cairn.protocol.wire.StoreReceipt.newBuilder()
        .setNode(bs(node.toBytes()))
        .setCid(bs(cid.toBytes()))
        .setSize(size)
        .setStoredAtMillis(storedAtMillis)
        .setClient(bs(client.toBytes()))
        .setSignature(bs(signature))
        .build();
  }

  /**
   * Validates a decoded receipt (lengths, ranges); does not check the signature.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static StoreReceipt fromProto(io.cairn.protocol.wire.StoreReceipt p)
      throws ProtocolException {
    PeerId node = Fields.peerId(p.getNode(), "StoreReceipt.node");
    Cid cid = Fields.cid(p.getCid(), "StoreReceipt.cid");
    PeerId client = Fields.peerId(p.getClient(), "StoreReceipt.client");
    Bytes sig =
        Fields.fixed(p.getSignature(), Protocols.SIGNATURE_LENGTH, "StoreReceipt.signature");
    long size = p.getSize();
    long at = p.getStoredAtMillis();
    return Fields.build("StoreReceipt", () -> new StoreReceipt(node, cid, size, at, client, sig));
  }
}
