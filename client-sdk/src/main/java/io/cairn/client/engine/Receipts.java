/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.manifest.ShardReceipt;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.StoreReceipt;

/**
 * How a node's {@link StoreReceipt} is kept in a manifest: the protobuf encoding of the wire {@code
 * cairn.v1.StoreReceipt} message (docs/protocol.md), signature included, so anyone holding the
 * manifest can decode it and check the signature again.
 */
public final class Receipts {
  private Receipts() {}

  /** The manifest form of a verified receipt. */
  public static ShardReceipt toManifest(StoreReceipt receipt) {
    return new ShardReceipt(receipt.node(), Bytes.wrap(receipt.toProto().toByteArray()));
  }

  /**
   * Decodes a manifest receipt back into the signed record (its signature still to be checked with
   * {@link StoreReceipt#verify}).
   *
   * @throws ProtocolException ({@code MALFORMED}) if the bytes are not a receipt, or it names
   *     another node than the manifest says
   */
  public static StoreReceipt fromManifest(ShardReceipt receipt) throws ProtocolException {
    if (receipt.signed().size() > ManifestLimits.MAX_RECEIPT_BYTES) {
      throw new ProtocolException(ErrorCode.TOO_LARGE, "receipt is larger than the manifest limit");
    }
    io.cairn.protocol.wire.StoreReceipt proto;
    try {
      proto = io.cairn.protocol.wire.StoreReceipt.parseFrom(receipt.signed().toArray());
    } catch (InvalidProtocolBufferException e) {
      throw new ProtocolException(
          ErrorCode.MALFORMED, "receipt bytes do not parse as a StoreReceipt: " + e.getMessage());
    }
    StoreReceipt r = StoreReceipt.fromProto(proto);
    if (!r.node().equals(receipt.node())) {
      throw new ProtocolException(
          ErrorCode.MALFORMED,
          "receipt names node " + r.node() + " but the manifest files it under " + receipt.node());
    }
    return r;
  }
}
